# TEST: // and % on floats floor as in Python and give floats
#> 3.0 -4.0 -4.0 3.0
#> 1.5 0.5 -0.5 -1.5
#> float float
let pf = 7.5
let nf = -7.5
print(pf // 2, nf // 2, pf // -2, nf // -2)
print(pf % 2, nf % 2, pf % -2, nf % -2)
print(type(7 // 2.0), type(7.0 % 2))
