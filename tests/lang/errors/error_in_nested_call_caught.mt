# TEST: an error raised several calls deep is caught by the nearest enclosing try in a caller; intermediate code is skipped
#> caught at level 1
def level3():
    raise IndexError("deep")
def level2():
    level3()
    print("WRONG level2 continued")
def level1():
    try:
        level2()
    except IndexError as e:
        print("caught at level 1")
level1()
