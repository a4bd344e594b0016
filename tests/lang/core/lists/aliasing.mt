# TEST: lists are reference values: two names for one list see the same changes
#> [1, 2, 3]
#> true
let a = [1, 2]
let b = a
b.append(3)
print(a)
def add(xs):
    xs.append(4)
add(a)
print(len(b) == 4)
