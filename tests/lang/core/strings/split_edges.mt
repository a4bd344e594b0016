# TEST: split edge cases: maxsplit 0, multi-char separator, empty input, empty separator is ValueError
#> ["a b c"]
#> ["a", "b", "c"]
#> [] [""]
#> ValueError
print("a b c".split(" ", 0))
print("a::b::c".split("::"))
print("".split(), "".split(","))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError")
