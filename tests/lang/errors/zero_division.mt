# TEST: ZeroDivisionError is an Error; uncaught, it reports class and exits 1
#> true
# EXIT: 1
# STDERR: ZeroDivisionError
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print(isinstance(e, Error))
print(5 / 0)
