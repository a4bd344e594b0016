# TEST: a bare except: catches any Error, including user subclasses
#> caught 1
#> caught 2
#> caught 3
class Mine(Error):
    pass
let n = 0
for e in [ValueError("a"), KeyError("b"), Mine("c")]:
    try:
        raise e
    except:
        n += 1
        print("caught", n)
