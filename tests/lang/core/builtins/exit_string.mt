# TEST: exit("msg") prints msg to stderr and exits 1
# EXIT: 1
# STDERR: fatal: config missing
#> start
print("start")
exit("fatal: config missing")
print("WRONG")
