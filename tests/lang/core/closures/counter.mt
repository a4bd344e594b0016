# TEST: a closure captures a variable by reference and can update it; each call of the maker gets its own
#> 1 2 3
#> 1
#> 3
def make_counter():
    let n = 0
    def inc():
        n += 1
        return n
    return inc
let c = make_counter()
print(c(), c(), c())
let d = make_counter()
print(d())
print(c() - 1)
