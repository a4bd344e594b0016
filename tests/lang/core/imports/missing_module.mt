# TEST: importing a module that does not exist raises ImportError (an Error, catchable)
#> ImportError
#> true
try:
    import no_such_module_here
    print("WRONG")
except ImportError as e:
    print("ImportError")
    print(isinstance(e, Error))
