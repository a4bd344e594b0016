# TEST: and/or short-circuit: the right side is not evaluated when the left decides
#> left
#> false
#> left
#> true
#> left
#> right
#> true
def left(v):
    print("left")
    return v
def right(v):
    print("right")
    return v
print(left(false) and right(true))
print(left(true) or right(false))
print(left(true) and right(true))
