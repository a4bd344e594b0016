# TEST: non-ASCII text prints unchanged, and repr does not escape it
#> héllo 日本 😀
#> "héllo"
print("héllo", "日本", "😀")
print(repr("héllo"))
