# TEST: a tuple too long to make raises MemoryError before allocating
#> tuple too long
#> tuple too long
try:
    print(len((1, 2) * 300000000))
except MemoryError as e:
    print(e.message)
try:
    print(len((1,) * 300000000))
except MemoryError as e:
    print(e.message)
