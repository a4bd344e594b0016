# TEST: an error raised while evaluating a default argument propagates from the call; later calls that pass it work
#> default raised
#> 5
def g(a = 1 // 0):
    return a
try:
    g()
except ZeroDivisionError as e:
    print("default raised")
print(g(5))
