# TEST: functions are values: stored in lists and maps, passed and returned
#> 6
#> 8
#> function
def twice(f, x):
    return f(f(x))
def inc(x):
    return x + 1
let ops = {"inc": inc, "dbl": fn(v): v * 2}
print(twice(ops["inc"], 4))
print(twice(ops["dbl"], 2))
print(type(inc))
