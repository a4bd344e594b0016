# TEST: a top-level let inside an if block at module level is still only visible in that block
#> 5
#> NameError
if true:
    let inside = 5
    print(inside)
def f():
    return inside
try:
    f()
except NameError as e:
    print("NameError")
