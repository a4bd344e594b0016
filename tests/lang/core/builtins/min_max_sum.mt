# TEST: min and max take several arguments or one iterable; sum with optional start
#> 1 3 1 3
#> a c
#> 6 16 7.5 0
#> ValueError
print(min(3, 1, 2), max(3, 1, 2), min([3, 1, 2]), max(range(4)))
print(min("b", "a", "c"), max(["a", "c", "b"]))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([2.5, 5]), sum([]))
try:
    min([])
except ValueError as e:
    print("ValueError")
