# TEST: | & - ^ make new sets (the left operand's kind); <= < >= > are subset tests; == ignores order; in and iteration
#> {1, 2, 3, 4} {2, 3} {1} {1, 4}
#> {1, 2} {2, 3}
#> frozenset({1, 2, 5}) {1, 2, 5}
#> true false true true false
#> true true false true
#> true false true
#> 3 1 2
#> true false
let a = {1, 2, 3}
let b = {2, 3, 4}
print(a | b, a & b, a - b, a ^ b)
let x = {1, 2}
let y = x | set()
y.discard(1)
y.add(3)
print(x, y)
print(frozenset([1, 2]) | {5}, {1, 2} | frozenset([5]))
print({1} <= {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {2, 1}, {1, 2, 3} > {3}, {1} >= {2})
print({1, 2} == {2, 1}, {1} == frozenset([1]), {1} == [1], {1, 2} != {1})
print(2 in a, 9 in a, 9 not in a)
let out = []
for v in {3, 1, 2}:
    out.append(str(v))
print(" ".join(out))
print("1" in {1, "1"}, [1] in [set()])
