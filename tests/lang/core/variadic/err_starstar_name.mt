# TEST: ** needs a name
# EXIT: 2
# STDERR: err_starstar_name.mt:5:9: expected parameter name after '**', found ')'
print("WRONG ran")
def f(**): pass
