# TEST: format specs follow Python's mini-language: width, alignment, precision, hex, binary, sign, thousands
#> [   42] [42   ] [   42] [ 42  ] [  ab]
#> [3.142] [    3.14] [2a] [101010] [+42] [1,234,567]
let x = 3.14159
let n = 42
let s = "ab"
print(f"[{n:5}] [{n:<5}] [{n:>5}] [{n:^5}] [{s:>4}]")
print(f"[{x:.3f}] [{x:8.2f}] [{n:x}] [{n:b}] [{n:+d}] [{1234567:,}]")
