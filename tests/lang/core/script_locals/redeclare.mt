# TEST: a second top-level let of a script-local name assigns the same variable: a function
# defined between the two sees the new value (as for a module global)
#> second
#> 3
let x = "first"
def show(): return x
let x = "second"
print(show())
let n = 1
let n = n + 2
print(n)
