# TEST: str(error) is its message; repr(error) is like ValueError("msg")
#> bad value
#> ValueError("bad value")
#> KeyError("k")
#> bad value!
let e = ValueError("bad value")
print(str(e))
print(repr(e))
print(repr(KeyError("k")))
print(f"{e}!")
