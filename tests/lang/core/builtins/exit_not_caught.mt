# TEST: SystemExit from exit() is not caught by bare except or except Error, only by naming it
#> caught SystemExit
#> finally
# EXIT: 3
try:
    exit(5)
except SystemExit as e:
    print("caught SystemExit")
try:
    try:
        exit(3)
    except Error as e:
        print("WRONG except Error")
    except:
        print("WRONG bare except")
finally:
    print("finally")
print("WRONG")
