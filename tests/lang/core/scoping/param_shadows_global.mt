# TEST: a parameter with a global's name shadows it; updating the parameter leaves the global alone
#> 2 10
let counter = 10
def shadow_param(counter):
    counter += 1
    return counter
print(shadow_param(1), counter)
