# TEST: string slices with omitted and negative bounds
#> hel lo hello ell lo
#> wor
let s = "hello"
print(s[:3], s[3:], s[:], s[1:-1], s[-2:])
print("hello world"[6:9])
