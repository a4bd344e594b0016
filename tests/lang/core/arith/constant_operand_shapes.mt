# TEST: a constant operand folded into its operator inside conditional expressions, comprehensions, f-strings, chains and spread calls keeps the order and grouping
#> 1 6 4 4
#> [1, 2, 3] [5] {1: 1.0, 2: 0.5}
#> 4a abc -4 0.5 5.0 3
#> 4 12 2 1 2
#> 5 4.5 5 3
#> [1, 2, 3] [5] {1: 1.0, 2: 0.5}
#> 4a abc -4 0.5 5.0 3
#> 2 12 2 1 2
#> (4, 6, 1, 2) (0.3333333333333333,)
let x = 3
let c = true
for c in [true, false]:
    print(1 if c else 2 + x, 2 * x if c else 1.5 * x, (1 if c else 2) + x, 1 + (x if c else 2))
    print([1 + y for y in range(3)], [2 * y + 1 for y in [1, 2] if 1 < y], {k: 1.0 / k for k in [1, 2]})
    print(f"{1 + x}" + "a", "a" "b" + "c", 1 - 2 - 3, 2 / 2 / 2, 1 + 2 * 3 - 4 / 2, -1 * -x)
    print(1 + x if c else x - 1, 2 ** 2 * 3, 10 % 3 * 2, 7 // 2 // 2, 0 if false else 1 + 1)
def g(*a):
    return a
print(g(1 + x, 2 * x, *[1, 2]), g(1.0 / x))
