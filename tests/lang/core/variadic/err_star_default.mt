# TEST: *args cannot have a default
# EXIT: 2
# STDERR: err_star_default.mt:5:9: *a cannot have a default
print("WRONG ran")
def f(*a=1): pass
