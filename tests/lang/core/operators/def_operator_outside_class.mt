# TEST: an operator name after def is only for methods in a class body
# EXIT: 2
# STDERR: def_operator_outside_class.mt:5:5: expected function name after 'def', found '+'
print("WRONG")
def +(a, b):
    return 1
