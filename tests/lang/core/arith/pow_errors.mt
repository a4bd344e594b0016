# TEST: 0 ** negative raises ZeroDivisionError; a negative base to a fractional power raises ValueError
#> ZeroDivisionError
#> ZeroDivisionError
#> ValueError
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
try:
    print(0.0 ** -2)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
try:
    print((-8) ** 0.5)
except ValueError as e:
    print("ValueError")
