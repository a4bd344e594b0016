# TEST: \u escapes in string literals produce the code point
#> é é true
#> 😀
print("\u00e9", "é", "\u00e9" == "é")
print("\U0001F600")
