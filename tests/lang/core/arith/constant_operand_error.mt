# TEST: a wrong type on the other side of a constant operand: the error names both types in order, at the line of the operator, after the same instruction ran fast
#> 4.0
#> 2.5
# EXIT: 1
# STDERR: constant_operand_error.mt:9, in f
# STDERR: TypeError: unsupported operand types for /: 'float' and 'str'
def f(x):
    let y = x * 2
    return 1.0 / y
print(f(0.125))
print(f(0.2))
print(f("a"))
