# TEST: bare except and except Error do not catch Interrupt
# SIGNAL: INT 1
#> waiting
#> cleanup
# EXIT: 130
try:
    try:
        print("waiting")
        sleep(10)
    except:
        print("bare except must not catch Interrupt")
finally:
    print("cleanup")
print("not reached")
