# TEST: a nested def can call itself recursively
#> 120
def outer():
    def fact(n):
        if n <= 1:
            return 1
        return n * fact(n - 1)
    return fact(5)
print(outer())
