# Errors: raise, catch, finally, with, re-raise, an uncaught error with its traceback.
class MyError(ValueError):
    pass

def risky(n):
    if n % 2 == 0:
        raise MyError("even " + str(n))
    return n

let caught = 0
for i in range(10):
    try:
        risky(i)
    except MyError as e:
        caught += 1
    finally:
        pass
print("caught", caught)
try:
    try:
        [][1]
    except IndexError:
        raise KeyError("replaced")
except KeyError as e:
    print(type(e), e.message)
def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)
deep(5)
