# TEST: str + int raises TypeError (no implicit conversion)
#> TypeError
#> a1
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError")
print("a" + str(1))
