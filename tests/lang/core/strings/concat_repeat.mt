# TEST: str + str concatenates; str * int and int * str repeat; * 0 gives ""
#> foobar
#> ababab ababab
#> []
#> x
print("foo" + "bar")
print("ab" * 3, 3 * "ab")
print("[" + "ab" * 0 + "]")
print("x" * 1)
