# TEST: while and if use truthiness of lists and strings (an emptied list ends the loop)
#> 3
#> 2
#> 1
#> done
let xs = [1, 2, 3]
while xs:
    print(xs.pop())
if not "":
    print("done")
