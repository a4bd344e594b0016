# TEST: builtins accept keyword arguments: sorted(key=, reverse=), split(sep=), int(base=)
#> [3, 2, 1]
#> ["a", "b"]
#> 255
#> [1, 2, 3]
print(sorted([1, 3, 2], reverse=true))
print("a;b".split(sep=";"))
print(int("ff", base=16))
print(sorted([3, 1, 2], key=nil))
