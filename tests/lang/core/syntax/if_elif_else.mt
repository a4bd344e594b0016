# TEST: if / elif / else chains choose exactly one branch
#> neg
#> zero
#> small
#> big
def classify(x):
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "big"
print(classify(-5))
print(classify(0))
print(classify(3))
print(classify(100))
