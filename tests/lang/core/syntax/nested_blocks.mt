# TEST: nested indentation levels and dedenting several levels at once
#> a
#> b
#> c
#> d
if true:
    if true:
        if true:
            print("a")
        print("b")
    if true:
            print("c")
print("d")
