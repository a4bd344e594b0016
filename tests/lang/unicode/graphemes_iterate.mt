# TEST: iterating graphemes() of text with combining marks yields whole clusters of several code points
#> 1
#> 2
#> 1
for g in "ae\u0301b".graphemes():
    print(len(g))
