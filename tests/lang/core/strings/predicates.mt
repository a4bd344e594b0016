# TEST: isdigit isalpha isalnum isspace isupper islower; empty string is false for all
#> true false false
#> true false
#> true false
#> true false
#> true false true
#> true false
#> false false false false false false
print("123".isdigit(), "12a".isdigit(), "1.5".isdigit())
print("abc".isalpha(), "ab1".isalpha())
print("ab12".isalnum(), "ab 12".isalnum())
print(" \t\n".isspace(), " a ".isspace())
print("ABC".isupper(), "AbC".isupper(), "A1".isupper())
print("abc".islower(), "aBc".islower())
print("".isdigit(), "".isalpha(), "".isalnum(), "".isspace(), "".isupper(), "".islower())
