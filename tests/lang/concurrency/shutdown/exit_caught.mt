# TEST: SystemExit is not caught by bare except or except Error, but a handler naming it (or Exit) can catch it
#> caught SystemExit
#> caught SystemExit
#> caught as Exit
#> still running
try:
    try:
        exit(4)
    except:
        print("bare except must not catch SystemExit")
except SystemExit as e:
    print("caught", type(e))
try:
    try:
        exit(4)
    except Error:
        print("except Error must not catch SystemExit")
except SystemExit as e:
    print("caught", type(e))
try:
    exit(6)
except Exit:
    print("caught as Exit")
print("still running")
