# TEST: indexing a map with a string key and a map literal inside f-string braces
#> 1 {"a": 1}
#> {"k": 2}
let d = {"a": 1}
print(f"{d["a"]} {d}")
print(f"{ {"k": 2} }")
