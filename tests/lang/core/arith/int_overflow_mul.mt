# TEST: int multiplication and ** that overflow 64 bits raise OverflowError
#> 4611686018427387904
#> mul overflow
#> pow overflow
#> neg overflow
print(2 ** 62)
try:
    print(3037000500 * 3037000500)
except OverflowError as e:
    print("mul overflow")
try:
    print(2 ** 63)
except OverflowError as e:
    print("pow overflow")
let m = -9223372036854775807 - 1
try:
    print(-m)
except OverflowError as e:
    print("neg overflow")
