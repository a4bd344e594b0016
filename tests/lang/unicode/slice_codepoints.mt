# TEST: slices count code points
#> éll
#> 本語
#> 😀😀
print("héllo"[1:4])
print("日本語"[1:])
print("a😀😀b"[1:3])
