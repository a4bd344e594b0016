# TEST: string indexing, negative indexes count from the end, out of range is IndexError
#> h o o
#> IndexError
#> IndexError
let s = "hello"
print(s[0], s[4], s[-1])
try:
    print(s[5])
except IndexError as e:
    print("IndexError")
try:
    print(s[-6])
except IndexError as e:
    print("IndexError")
