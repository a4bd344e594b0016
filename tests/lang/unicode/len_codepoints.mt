# TEST: len counts code points, not bytes (a combining sequence counts each code point)
#> 5
#> 3
#> 1
#> 2
#> 0
print(len("héllo"))
print(len("日本語"))
print(len("😀"))
print(len("e\u0301"))
print(len(""))
