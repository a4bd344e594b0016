# TEST: a spinning main loop notices SIGTERM: cleanup runs, status 143
# SIGNAL: TERM 1
#> spinning
#> cleanup
# EXIT: 143
try:
    print("spinning")
    let n = 0
    while true:
        n += 1
finally:
    print("cleanup")
