# TEST: a bare except: followed by another except clause is a compile error
# EXIT: 2
# STDERR_RE: bare_except_must_be_last\.mt:9:[0-9]+
print("WRONG ran")
try:
    pass
except:
    pass
except ValueError as e:
    pass
