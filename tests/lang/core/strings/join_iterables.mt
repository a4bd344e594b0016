# TEST: join accepts any iterable of strings: a map's keys, a range mapped to str, a string
#> a,b
#> 0,1,2
#> x-y-z
print(",".join({"a": 1, "b": 2}))
print(",".join(map(str, range(3))))
print("-".join("xyz"))
