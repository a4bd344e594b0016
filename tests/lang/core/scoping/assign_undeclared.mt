# TEST: assigning to a name no let declared raises NameError at run time; it is catchable
#> before
#> NameError
#> after
print("before")
try:
    undeclared_name = 5
    print("WRONG assigned")
except NameError as e:
    print("NameError")
print("after")
