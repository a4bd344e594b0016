# TEST: hash is consistent with ==; hashing a list raises TypeError
#> true true true
#> TypeError
print(hash("ab") == hash("a" + "b"), hash(1) == hash(1.0), hash(nil) == hash(nil))
try:
    hash([1])
except TypeError as e:
    print("TypeError")
