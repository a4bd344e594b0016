# TEST: replace replaces every occurrence, or the first count
#> he11o wor1d
#> he1lo world
#> hello world
let s = "hello world"
print(s.replace("l", "1"))
print(s.replace("l", "1", 1))
print(s.replace("zz", "y"))
