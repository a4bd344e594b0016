# TEST: return from inside nested loops and nested try blocks runs every finally, innermost first
#> inner
#> middle
#> outer
#> 42
def f():
    try:
        while true:
            try:
                for i in range(3):
                    try:
                        return 42
                    finally:
                        print("inner")
            finally:
                print("middle")
    finally:
        print("outer")
print(f())
