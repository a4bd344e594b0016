# TEST: repeating a list or string to an impossible size raises MemoryError (catchable), never a crash
#> MemoryError
#> MemoryError
#> still alive
try:
    let xs = [0] * 1099511627776
except MemoryError as e:
    print("MemoryError")
try:
    let s = "ab" * 4611686018427387904
except MemoryError as e:
    print("MemoryError")
print("still alive")
