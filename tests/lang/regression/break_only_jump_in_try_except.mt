# TEST: regression: `while true: try: break except ...` looped forever
# TIMEOUT: 5
#> 1
let n = 0
while true:
    n += 1
    try:
        break
    except ValueError as e:
        pass
print(n)
