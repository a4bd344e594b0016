# TEST: default arguments are evaluated at each call that omits them (a fresh list each time)
#> [1]
#> [2]
#> [3, 4]
def push(v, xs = []):
    xs.append(v)
    return xs
print(push(1))
print(push(2))
let mine = [3]
print(push(4, mine))
