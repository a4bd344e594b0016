# TEST: break as the only jump inside a try (with finally, or with except) leaves the loop at once
# TIMEOUT: 5
#> fin 0
#> after for
#> 1
#> fn 0
def f():
    for i in range(3):
        try:
            break
        finally:
            print("fn", i)
for i in range(3):
    try:
        break
    finally:
        print("fin", i)
print("after for")
let n = 0
while true:
    n += 1
    try:
        break
    except ValueError as e:
        pass
print(n)
f()
