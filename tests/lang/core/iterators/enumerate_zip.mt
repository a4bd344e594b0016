# TEST: enumerate and zip return lists of 2-element lists; zip stops at the shorter input; enumerate start
#> [(0, "a"), (1, "b")]
#> [(5, "a"), (6, "b")]
#> [(1, "x"), (2, "y")]
#> 0 a
#> 1 b
print(enumerate(["a", "b"]))
print(enumerate("ab", 5))
print(zip([1, 2, 3], ["x", "y"]))
for i, c in enumerate("ab"):
    print(i, c)
