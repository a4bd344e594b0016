# TEST: current().kill() in main raises ThreadExit at once; except ThreadExit can catch it
#> before
#> caught ThreadExit
#> main continues
try:
    print("before")
    current().kill()
    print("not reached")
except ThreadExit as e:
    print("caught", type(e))
print("main continues")
