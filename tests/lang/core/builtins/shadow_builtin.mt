# TEST: a let may shadow a builtin name locally; the builtin is unchanged elsewhere
#> shadowed
#> 3
def f():
    let len = fn(x): "shadowed"
    return len([1, 2, 3])
print(f())
print(len([1, 2, 3]))
