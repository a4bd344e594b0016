# TEST: finally runs when return leaves the try block or an except block; the return value is kept
#> finally A
#> try-value
#> finally B
#> except-value
def a():
    try:
        return "try-value"
    finally:
        print("finally A")
def b():
    try:
        raise ValueError("x")
    except ValueError as e:
        return "except-value"
    finally:
        print("finally B")
print(a())
print(b())
