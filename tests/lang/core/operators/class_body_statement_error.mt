# TEST: a class body holds only defs, static defs, class variables and a docstring
# EXIT: 2
# STDERR: class_body_statement_error.mt:7:5: a class body holds only methods ('def', 'static def'), class variables ('NAME = value') and a docstring
print("WRONG")
class C:
    x = 1
    print(x)
