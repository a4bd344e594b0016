# TEST: while a key callback runs the list being sorted reads as empty; modifying it raises ValueError when the sort ends
#> seen lengths [0, 0, 0]
#> [1, 2, 3]
#> ValueError
let xs = [3, 1, 2]
let lens = []
xs.sort(key=fn(v): lens.append(len(xs)) or v)
print("seen lengths", lens)
print(xs)
let ys = [3, 1, 2]
try:
    ys.sort(key=fn(v): ys.append(v) or v)
    print("WRONG no error")
except ValueError as e:
    print("ValueError")
