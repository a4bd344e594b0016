# TEST: blank lines and lines with only spaces inside blocks do not end them
#> 1
#> 2
def f():
    print(1)

    
    print(2)
f()
