# TEST: except without try is a compile error
# EXIT: 2
# STDERR_RE: ^except_without_try\.mt:5:1: 
print("WRONG ran")
except ValueError:
    pass
