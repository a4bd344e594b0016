# TEST: f-strings interpolate names and expressions with str(); strings inside are not quoted
#> x = 5, y = 2.5
#> sum 7.5
#> [1, "a"] {"k": 1} nil true
#> name=bob
let x = 5
let y = 2.5
let xs = [1, "a"]
let m = {"k": 1}
let name = "bob"
print(f"x = {x}, y = {y}")
print(f"sum {x + y}")
print(f"{xs} {m} {nil} {x > 1}")
print(f"name={name}")
