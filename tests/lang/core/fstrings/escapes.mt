# TEST: escapes work in the literal part of an f-string
#> a	1
#> "2"
let n = 1
print(f"a\t{n}")
print(f"\"{n + 1}\"")
