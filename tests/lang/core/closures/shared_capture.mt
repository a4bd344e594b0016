# TEST: two closures over the same variable share it
#> 5
#> 6
def pair():
    let v = 0
    def set(x):
        v = x
    def get():
        return v
    return [set, get]
let p = pair()
p[0](5)
print(p[1]())
p[0](p[1]() + 1)
print(p[1]())
