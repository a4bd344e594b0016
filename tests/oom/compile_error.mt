# A compile error: reported with its position, nothing runs.
print("never printed")
def f(x):
    return x +
print(f(1))
