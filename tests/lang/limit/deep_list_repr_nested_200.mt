# TEST: lists nested 65, 100 and 200 deep print in full (well under the nesting limit)
#> 132
#> 202
#> 400
for depth in [66, 101, 200]:
    let x = []
    for i in range(depth - 1):
        x = [x]
    print(len(str(x)))
