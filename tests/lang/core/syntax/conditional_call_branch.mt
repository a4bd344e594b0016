# TEST: a conditional expression whose branches are calls compiles and works when more statements follow
#> 2
#> 4
#> 5
#> end
def f(v):
    return v
let c = false
let x = f(4) if c else 2
print(x)
print(f(4) if true else 2)
print(5 if c else f(5))
print("end")
