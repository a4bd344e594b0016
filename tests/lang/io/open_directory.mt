# TEST: reading a directory opened as a file raises IOError (at open or at read), never a crash
#> IOError
try:
    with open("/tmp") as d:
        d.read()
    print("WRONG")
except IOError as e:
    print("IOError")
