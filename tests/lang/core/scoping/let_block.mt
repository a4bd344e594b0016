# TEST: let declares per block: an inner let shadows, plain assignment updates the outer variable
#> inner 2
#> outer 1
#> loop 0
#> loop 1
#> after 1
#> assigned 5
let x = 1
if true:
    let x = 2
    print("inner", x)
print("outer", x)
for i in range(2):
    let x = i
    print("loop", x)
print("after", x)
if true:
    x = 5
print("assigned", x)
