# TEST: len of str, list, map, range; len of an int raises TypeError
#> 3 2 1 5 0
#> TypeError
print(len("abc"), len([1, 2]), len({"a": 1}), len(range(5)), len(""))
try:
    len(5)
except TypeError as e:
    print("TypeError")
