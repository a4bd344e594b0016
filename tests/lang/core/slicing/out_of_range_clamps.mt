# TEST: slice bounds beyond the ends are clamped; an empty or reversed range gives an empty result
#> [1, 2, 3] [] [] []
#> abc||
let a = [1, 2, 3]
print(a[-100:100], a[5:], a[2:1], a[3:3])
print("abc"[0:99] + "|" + "abc"[10:] + "|" + "abc"[2:0])
