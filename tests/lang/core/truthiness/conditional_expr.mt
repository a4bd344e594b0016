# TEST: a if c else b evaluates only the chosen branch; it nests to the right
#> yes
#> no
#> mid
#> only-true
let x = 5
print("yes" if x > 1 else "no")
print("yes" if x > 10 else "no")
print("low" if x < 3 else "mid" if x < 7 else "high")
def boom():
    raise ValueError("evaluated")
print("only-true" if true else boom())
