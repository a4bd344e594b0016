# TEST: ord of a string that is not one character raises TypeError or ValueError; chr of a negative raises ValueError
#> Error
#> Error
#> ValueError
try:
    ord("ab")
except Error as e:
    print("Error")
try:
    ord("")
except Error as e:
    print("Error")
try:
    chr(-1)
except ValueError as e:
    print("ValueError")
