# TEST: a failing assert without a handler exits 1 with AssertionError on stderr
# EXIT: 1
# STDERR: AssertionError
# STDERR: assert_uncaught.mt:6
let x = 2
assert(x == 3, "x should be 3")
