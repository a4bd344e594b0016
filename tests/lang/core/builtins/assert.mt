# TEST: assert(cond) passes when truthy; raises AssertionError (an Error) with the message otherwise
#> ok
#> AssertionError: must be positive
#> true
assert(1 == 1)
assert(true, "never shown")
print("ok")
try:
    assert(-1 > 0, "must be positive")
except AssertionError as e:
    print("AssertionError:", e.message)
    print(isinstance(e, Error))
