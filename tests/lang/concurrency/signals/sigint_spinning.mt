# TEST: a spinning main loop notices SIGINT at a safe point (backward jump)
# SIGNAL: INT 1
#> spinning
#> interrupted after spinning
# EXIT: 130
let n = 0
try:
    print("spinning")
    while true:
        n += 1
finally:
    print("interrupted after spinning")
