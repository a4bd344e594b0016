# TEST: < between unlike types raises TypeError; == between unlike types is false
#> TypeError
#> TypeError
#> false false
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError")
try:
    print([1] < nil)
except TypeError as e:
    print("TypeError")
print(1 == "1", nil == false)
