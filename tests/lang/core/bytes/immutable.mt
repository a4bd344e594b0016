# TEST: bytes are immutable: item assignment raises TypeError, attributes cannot be set, and += makes a new value
#> 'bytes' object does not support item assignment
#> 'bytes' object does not support item assignment
#> cannot set attribute 'data' on a bytes value
#> b"abc" b"abcd" true
let b = b"abc"
let c = b
try:
    b[0] = 120
except TypeError as e:
    print(e.message)
try:
    b[-1] = b"x"
except TypeError as e:
    print(e.message)
try:
    b.data = 1
except AttributeError as e:
    print(e.message)
c += b"d"
print(b, c, b == b"abc")
