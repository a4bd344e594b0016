# TEST: an uncaught OverflowError prints a traceback naming OverflowError and exits 1
# EXIT: 1
# STDERR: OverflowError
# STDERR: int_overflow_uncaught.mt:6
let x = 9223372036854775807
x = x * 2
print("WRONG", x)
