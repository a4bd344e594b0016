# TEST: catching an error and raising a new one of a different class from a helper function
#> converted: KeyError missing -> ValueError
def lookup(m, k):
    try:
        return m[k]
    except KeyError as e:
        raise ValueError("KeyError missing -> ValueError")
try:
    lookup({}, "x")
except ValueError as e:
    print("converted:", e.message)
