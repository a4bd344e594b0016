# TEST: find with a negative start counts from the end; a start past the end finds nothing; count("") is len + 1
#> 3 -1 4
print("abcabc".find("a", -3), "abc".find("a", 10), "abc".count(""))
