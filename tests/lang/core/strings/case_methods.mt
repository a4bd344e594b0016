# TEST: upper and lower return new strings
#> HELLO, WORLD 1 hello, world 1
let s = "Hello, World 1"
print(s.upper(), s.lower())
