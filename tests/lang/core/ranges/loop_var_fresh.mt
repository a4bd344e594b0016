# TEST: changing the loop variable inside the body does not affect the iteration
#> 0 1 2
let seen = []
for i in range(3):
    seen.append(i)
    i = 100
print(seen[0], seen[1], seen[2])
