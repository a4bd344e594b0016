# TEST: arithmetic on unsupported operand types raises TypeError
#> TypeError nil + int
#> TypeError list + int
#> TypeError unary - str
#> TypeError str * str
#> TypeError in int
def check(label, f):
    try:
        f()
        print("WRONG", label)
    except TypeError as e:
        print("TypeError", label)
check("nil + int", fn(): nil + 1)
check("list + int", fn(): [1] + 1)
check("unary - str", fn(): -"a")
check("str * str", fn(): "a" * "b")
check("in int", fn(): 1 in 5)
