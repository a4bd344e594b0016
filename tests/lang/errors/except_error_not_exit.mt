# TEST: bare except and except Error do not catch an Exit raised explicitly; naming it does
#> finally ran
#> caught Interrupt by name
#> caught Exit by base
try:
    try:
        raise Interrupt("ctrl-c")
    except Error as e:
        print("WRONG except Error")
    except:
        print("WRONG bare except")
    finally:
        print("finally ran")
except Interrupt as e:
    print("caught Interrupt by name")
try:
    raise ThreadExit("x")
except Exit as e:
    print("caught Exit by base")
