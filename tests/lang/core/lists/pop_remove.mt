# TEST: pop() removes the last, pop(i) removes at i; remove removes the first equal item; errors
#> 4 [1, 2, 3]
#> 1 [2, 3]
#> [3, 2]
#> IndexError
#> ValueError
let a = [1, 2, 3, 4]
print(a.pop(), a)
print(a.pop(0), a)
let b = [2, 3, 2]
b.remove(2)
print(b)
try:
    [].pop()
except IndexError as e:
    print("IndexError")
try:
    b.remove(42)
except ValueError as e:
    print("ValueError")
