# TEST: slicing a non-ASCII string counts code points and keeps whole characters
#> ñé
#> 日本
print("añéb"[1:3])
print("日本語"[:2])
