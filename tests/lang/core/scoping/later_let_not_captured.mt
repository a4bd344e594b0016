# TEST: a nested function binds a name to a let declared textually earlier; one declared later in the enclosing function is not seen (a global is used, or NameError)
#> global
#> NameError
let y = "global"
def outer():
    def inner():
        return y
    let y = "outer-local"
    return inner()
print(outer())
def outer2():
    def inner():
        return zz
    let zz = 1
    return inner()
try:
    outer2()
except NameError as e:
    print("NameError")
