# TEST: **kw must be the last parameter
# EXIT: 2
# STDERR: err_after_varkw.mt:5:13: no parameter may follow **kw
print("WRONG ran")
def f(**kw, a): pass
