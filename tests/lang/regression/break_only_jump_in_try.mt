# TEST: regression: `break` as the only jump inside a try block (no continue in it) was ignored and the loop kept going
# TIMEOUT: 5
#> fin 0
#> done
for i in range(3):
    try:
        break
    finally:
        print("fin", i)
print("done")
