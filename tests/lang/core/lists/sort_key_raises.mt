# TEST: an error raised by a sort key propagates and the list keeps all its items in the original order
#> caught bad key [3, 1, 2]
let xs = [3, 1, 2]
def k(v):
    if v == 1:
        raise ValueError("bad key")
    return v
try:
    xs.sort(key=k)
    print("WRONG")
except ValueError as e:
    print("caught", e.message, xs)
