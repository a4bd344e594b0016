# TEST: SIGINT while main spins in a loop that is the first statement of nested trys: every finally runs, innermost first
# SIGNAL: INT 0.5
# EXIT: 130
#> inner finally
#> outer finally
try:
    try:
        while true:
            pass
    finally:
        print("inner finally")
finally:
    print("outer finally")
