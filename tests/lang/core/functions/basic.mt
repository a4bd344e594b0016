# TEST: def, return a value, implicit nil return, bare return
#> 5
#> nil
#> nil
#> early
def add(a, b):
    return a + b
def nothing():
    pass
def bare(x):
    if x:
        return
    print("WRONG")
print(add(2, 3))
print(nothing())
print(bare(true))
def early():
    return "early"
    print("WRONG unreachable")
print(early())
