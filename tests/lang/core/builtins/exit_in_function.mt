# TEST: exit from a nested call unwinds every frame, running finally blocks innermost first
#> inner finally
#> outer finally
# EXIT: 9
def inner():
    try:
        exit(9)
    finally:
        print("inner finally")
def outer():
    try:
        inner()
    finally:
        print("outer finally")
outer()
