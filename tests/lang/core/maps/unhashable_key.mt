# TEST: a list or map as a map key raises TypeError
#> TypeError list
#> TypeError map
#> TypeError literal
let m = {}
try:
    m[[1]] = 1
except TypeError as e:
    print("TypeError list")
try:
    print(m[{}])
except TypeError as e:
    print("TypeError map")
try:
    let x = {[1]: 2}
except TypeError as e:
    print("TypeError literal")
