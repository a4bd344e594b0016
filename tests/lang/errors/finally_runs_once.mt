# TEST: each finally runs exactly once on every path (normal, error, return, break)
#> 4
let count = 0
def normal():
    try:
        pass
    finally:
        count += 1
def err():
    try:
        raise ValueError("x")
    finally:
        count += 1
def ret():
    try:
        return 1
    finally:
        count += 1
normal()
try:
    err()
except ValueError as e:
    pass
ret()
for i in range(3):
    try:
        break
    finally:
        count += 1
print(count)
