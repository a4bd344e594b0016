# TEST: an uncaught NameError prints a traceback naming the variable and exits 1
#> start
# EXIT: 1
# STDERR: NameError
# STDERR: missing_var
# STDERR: name_error_uncaught.mt:8
print("start")
print(missing_var)
print("WRONG")
