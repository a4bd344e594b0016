# TEST: upper/lower leave digits, punctuation, CJK and emoji unchanged
#> 123 !? 日本 😀 ABC
print("123 !? 日本 😀 abc".upper())
