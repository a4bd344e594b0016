# TEST: indexing counts code points, forwards and backwards, across 1- to 4-byte characters
#> h é l o
#> 日 語
#> 😀 x
let s = "héllo"
print(s[0], s[1], s[2], s[-1])
let j = "日本語"
print(j[0], j[-1])
let e = "a😀x"
print(e[1], e[2])
