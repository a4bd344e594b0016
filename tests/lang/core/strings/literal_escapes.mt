# TEST: string literal escapes and single-quoted strings
#> a	b
#> line1
#> line2
#> q"q
#> it's
#> back\slash
#> single
print("a\tb")
print("line1\nline2")
print("q\"q")
print("it's")
print("back\\slash")
print('single')
