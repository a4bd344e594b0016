# TEST: `in` and `not in` test for substrings
#> true false true true
print("ell" in "hello", "xyz" in "hello", "" in "abc", "q" not in "abc")
