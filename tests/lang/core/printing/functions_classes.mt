# TEST: functions, classes and builtins print with their names
#> <function foo>
#> <class Foo>
#> <builtin len>
def foo():
    pass
class Foo:
    pass
print(foo)
print(Foo)
print(len)
