# TEST: del removes list items (negative index too), map keys (KeyError when missing, like reading), slices with or without a step; several targets left to right
#> [1, 2, 3, 4, 5, 6, 7, 8, 9]
#> [2, 3, 4, 5, 6, 7, 8]
#> [3, 5, 7]
#> [3]
#> [1, 2, 4, 5, 7, 8]
#> [1, 2, 4, 5, 7, 8]
#> [] 0
#> {"a": 1, "c": 3}
#> {"c": 3, "a": 4}
#> {"k": [1, 3]}
#> [2]
#> KeyError "nope"
#> IndexError list index 99 out of range (length 1)
#> TypeError list indices must be integers, not str
#> TypeError unhashable type: 'list' cannot be a map key
#> TypeError 'tuple' object does not support item deletion
#> TypeError 'str' object does not support item deletion
#> ValueError slice step cannot be zero
let zs = list(range(10))
del zs[0]
print(zs)
del zs[-1], zs[0]
print(zs)
del zs[::2]
print(zs)
del zs[1:]
print(zs)
let ws = list(range(10))
del ws[::-3]
print(ws)
del ws[4:1], ws[100:]
print(ws)
del ws[:]
print(ws, len(ws))
let m = {"a": 1, (1, 2): 2, "c": 3}
del m[(1, 2)]
print(m)
del m["a"]; m["a"] = 4
print(m)
let nested = {"k": [1, 2, 3]}
del nested["k"][1]
print(nested)
class Box:
    pass
let b = Box()
b.items = [1, 2]
del b.items[0]
print(b.items)
try:
    del m["nope"]
except KeyError as e:
    print("KeyError", e.message)
try:
    del zs[99]
except IndexError as e:
    print("IndexError", e.message)
try:
    del zs["x"]
except TypeError as e:
    print("TypeError", e.message)
try:
    del m[[1]]
except TypeError as e:
    print("TypeError", e.message)
try:
    let t = (1, 2)
    del t[0]
except TypeError as e:
    print("TypeError", e.message)
try:
    let s = "abc"
    del s[0:1]
except TypeError as e:
    print("TypeError", e.message)
try:
    del ws[::0]
except ValueError as e:
    print("ValueError", e.message)
