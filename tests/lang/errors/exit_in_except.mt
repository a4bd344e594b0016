# TEST: exit(n) inside an except block exits with n; finally blocks still run
#> finally
# EXIT: 3
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        exit(3)
finally:
    print("finally")
