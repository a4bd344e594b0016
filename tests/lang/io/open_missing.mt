# TEST: opening a file that does not exist raises IOError (an Error) whose message names the path
#> IOError
#> true
#> true
try:
    open("/tmp/mt_h2_io_definitely/missing/file.txt")
    print("WRONG")
except IOError as e:
    print("IOError")
    print(isinstance(e, Error))
    print("missing" in e.message)
