# TEST: import inside a function binds the module locally
#> mymod loaded
#> hello, x
def f():
    import _mymod
    return _mymod.greet("x")
print(f())
