# TEST: == on self-containing lists is bounded: identical objects are equal, and structural comparison of different cycles never crashes
#> true
#> done
let a = [1]
a.append(a)
print(a == a)
let b = [1]
b.append(b)
try:
    let r = a == b
    print("done")
except RecursionError as e:
    print("done")
