# TEST: strings are equal by content, however built
#> true true
let a = "hel" + "lo"
let b = "".join(["h", "e", "l", "l", "o"])
print(a == "hello", a == b)
