# TEST: recursion and mutual recursion
#> 55
#> true false
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(10))
def is_even(n):
    if n == 0:
        return true
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return false
    return is_even(n - 1)
print(is_even(10), is_even(7))
