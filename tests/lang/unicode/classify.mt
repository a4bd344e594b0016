# TEST: is* methods classify by Unicode category: letters of any script, decimal digits (Nd) vs numeric (Nd, Nl, No), every kind of space, cased letters
#> true true true false true false true true false
#> true false true true true false
#> true true false false true true false false
#> false false
print("héllo".isalpha(), "日本".isalpha(), "αβγ".isalpha(), "ab1".isalpha(), "٣٤".isdigit(), "²".isdigit(), "²½Ⅻ".isnumeric(), "12".isnumeric(), "a".isnumeric())
print("ab٣".isalnum(), "a b".isalnum(), " \t\n\r\v\f".isspace(), "\u00a0\u2003\u3000".isspace(), "\u2028\u2029\x1c\x85".isspace(), "\u200b".isspace())
print("ÀÉ".isupper(), "àé".islower(), "ǅ".isupper(), "ǅ".islower(), "Σ1".isupper(), "ß".islower(), "日本".isupper(), "日本".islower())
print("".isnumeric(), "".isalpha())
