# TEST: a statement may follow a one-line block header after the colon
#> yes
#> 0
#> 1
if true: print("yes")
for i in range(2): print(i)
