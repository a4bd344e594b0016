# TEST: / // and % by zero raise ZeroDivisionError for ints and floats; it is an Error
#> ZeroDivisionError /
#> ZeroDivisionError //
#> ZeroDivisionError %
#> ZeroDivisionError float /
#> ZeroDivisionError float %
#> Error
let z = 0
try:
    print(1 / z)
except ZeroDivisionError as e:
    print("ZeroDivisionError /")
try:
    print(1 // z)
except ZeroDivisionError as e:
    print("ZeroDivisionError //")
try:
    print(1 % z)
except ZeroDivisionError as e:
    print("ZeroDivisionError %")
try:
    print(1.5 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError float /")
try:
    print(1.5 % 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError float %")
try:
    print(5 // 0.0)
except Error as e:
    print("Error")
