# TEST: a def inside a loop body captures that iteration's let and can update it
#> 10 10
#> 11 11
for i in range(2):
    let acc = i
    def g():
        acc += 10
        return acc
    print(g(), acc)
