# TEST: closures capture from several enclosing levels
#> 111
#> 112
def a():
    let x = 100
    def b():
        let y = 10
        def c():
            let z = 1
            x += 1
            return x + y + z - 1
        return c
    return b()
let f = a()
print(f())
print(f())
