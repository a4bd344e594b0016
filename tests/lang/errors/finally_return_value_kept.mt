# TEST: a return value is computed before finally runs; changing the variable in finally does not change it
#> 1
def f():
    let x = 1
    try:
        return x
    finally:
        x = 2
print(f())
