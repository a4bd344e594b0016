# TEST: string comparison is by code point
#> true true true
print("z" < "é", "é" < "日", "日" < "😀")
