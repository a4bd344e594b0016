# TEST: out-of-range list index raises IndexError for read and write; a non-int index raises TypeError
#> IndexError read
#> IndexError write
#> IndexError negative
#> TypeError
let a = [1, 2, 3]
try:
    print(a[3])
except IndexError as e:
    print("IndexError read")
try:
    a[10] = 1
except IndexError as e:
    print("IndexError write")
try:
    print(a[-4])
except IndexError as e:
    print("IndexError negative")
try:
    print(a["0"])
except TypeError as e:
    print("TypeError")
