# TEST: '!=' cannot be defined as a method: it is the negation of ==
# EXIT: 2
# STDERR: def_ne_error.mt:6:9: '!=' cannot be defined: it is the negation of '=='
print("WRONG")
class C:
    def !=(self, o):
        return false
