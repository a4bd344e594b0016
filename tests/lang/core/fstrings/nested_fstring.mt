# TEST: an f-string may contain another f-string inside {}
#> <3>
let x = 3
print(f"<{f"{x}"}>")
