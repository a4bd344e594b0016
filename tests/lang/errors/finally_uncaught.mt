# TEST: finally blocks run before an uncaught error ends the program with exit 1
#> cleanup inner
#> cleanup outer
# EXIT: 1
# STDERR: ValueError: boom
def f():
    try:
        raise ValueError("boom")
    finally:
        print("cleanup inner")
try:
    f()
finally:
    print("cleanup outer")
print("WRONG")
