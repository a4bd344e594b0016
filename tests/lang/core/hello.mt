# A first golden test: print joins its arguments with one space.
#> hello 3
print("hello", 1 + 2)
