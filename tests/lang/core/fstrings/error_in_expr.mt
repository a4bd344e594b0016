# TEST: an error raised inside an f-string expression propagates normally
#> caught KeyError
let m = {}
try:
    print(f"value {m["missing"]}")
except KeyError as e:
    print("caught KeyError")
