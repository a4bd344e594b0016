# TEST: return from inside nested loops leaves the function at once
#> [1, 2]
def find():
    for i in range(5):
        for j in range(5):
            if i + j == 3 and i > 0:
                return [i, j]
    return nil
print(find())
