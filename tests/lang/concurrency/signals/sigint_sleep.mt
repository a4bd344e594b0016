# TEST: SIGINT while main sleeps raises Interrupt in main; finally runs; uncaught => status 130
# SIGNAL: INT 1
#> sleeping
#> finally runs
# EXIT: 130
# STDERR: Interrupt
try:
    print("sleeping")
    sleep(10)
    print("not reached")
finally:
    print("finally runs")
