# TEST: calling a string method that does not exist raises AttributeError
#> AttributeError
try:
    "abc".nosuchmethod()
except AttributeError as e:
    print("AttributeError")
