# TEST: yield inside a generator expression is a compile error: its iteration runs in a coroutine
# EXIT: 2
# STDERR: err_genexpr_yield.mt:5:11: 'yield' inside a generator expression (it runs in a coroutine of its own)
print("WRONG ran")
let g = ((yield x) for x in y)
