# TEST: continue as the only jump inside a try skips the rest of the body; finally runs each time
#> fin 0
#> fin 1
#> 2
let n = 0
for i in range(2):
    try:
        n += 1
        continue
        print("WRONG")
    finally:
        print("fin", i)
print(n)
