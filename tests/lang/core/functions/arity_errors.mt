# TEST: calling with too few or too many arguments raises TypeError
#> TypeError few
#> TypeError many
#> TypeError lambda
def f(a, b):
    return a + b
try:
    f(1)
except TypeError as e:
    print("TypeError few")
try:
    f(1, 2, 3)
except TypeError as e:
    print("TypeError many")
try:
    (fn(x): x)()
except TypeError as e:
    print("TypeError lambda")
