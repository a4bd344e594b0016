# TEST: a function assigns to an existing module global with plain assignment
#> 3
#> 1
let counter = 0
def bump():
    counter += 1
bump()
bump()
bump()
print(counter)
def shadow():
    let counter = 100
    counter += 1
shadow()
let c = 1
print(c)
