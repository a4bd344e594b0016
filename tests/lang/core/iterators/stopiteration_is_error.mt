# TEST: StopIteration is an Error that can be raised and caught outside a for loop
#> true
#> caught
print(isinstance(StopIteration("x"), Error))
try:
    raise StopIteration("x")
except StopIteration as e:
    print("caught")
