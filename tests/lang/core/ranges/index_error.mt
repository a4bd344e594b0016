# TEST: indexing a range out of bounds raises IndexError
#> IndexError
try:
    print(range(3)[3])
except IndexError as e:
    print("IndexError")
