# TEST: a conditional expression inside an f-string
#> big
#> small
def size(n):
    return f"{"big" if n > 10 else "small"}"
print(size(11))
print(size(2))
