# TEST: a full expression is read inside {}: calls, indexing, method calls, nested brackets, string literals
#> HELLO 3 b
#> 6
#> [2, 4]
#> a-b
let s = "hello"
let xs = ["a", "b"]
def double(v):
    return v * 2
print(f"{s.upper()} {len([1, 2, 3])} {xs[1]}")
print(f"{double(double(1)) + 2}")
print(f"{map(fn(v): v * 2, [1, 2])}")
print(f"{"-".join(xs)}")
