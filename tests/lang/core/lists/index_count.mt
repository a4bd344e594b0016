# TEST: index finds the first position (ValueError if absent); count counts equal items (1 == 1.0)
#> 1 3
#> ValueError
let a = [5, 6, 7, 6, 6.0]
print(a.index(6), a.count(6))
try:
    a.index(99)
except ValueError as e:
    print("ValueError")
