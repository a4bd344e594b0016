# TEST: a name binds to a let declared textually earlier; a later let in the same block does not capture earlier uses
#> global
#> local
let v = "global"
def f():
    let a = v
    let v = "local"
    print(a)
    print(v)
f()
