# TEST: chr of a surrogate or beyond U+10FFFF raises ValueError
#> ValueError
#> ValueError
try:
    chr(1114112)
except ValueError as e:
    print("ValueError")
try:
    chr(55296)
except ValueError as e:
    print("ValueError")
