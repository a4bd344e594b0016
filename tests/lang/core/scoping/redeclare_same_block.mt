# TEST: in a function, a second let of a name makes a new variable; a closure over the first keeps it. At top level a re-let rebinds the one global
#> 1 2
#> 2 2
def f():
    let x = 1
    let get = fn(): x
    let x = 2
    print(get(), x)
f()
let g = 1
let getg = fn(): g
let g = 2
print(getg(), g)
