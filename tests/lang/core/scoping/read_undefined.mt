# TEST: reading an undefined name raises NameError at run time, only when the code runs
#> defined
#> NameError
#> still running
def f():
    return no_such_name + 1
print("defined")
try:
    f()
except NameError as e:
    print("NameError")
print("still running")
