# TEST: * / // % bind tighter than + -; parentheses group; left associativity of - and /
#> 14 20 1 2
#> 5 2.5
#> 7
print(2 + 3 * 4, (2 + 3) * 4, 10 - 6 - 3, 7 % 5 * 1)
print(20 // 2 // 2, 20 / 2 / 4)
print(1 + 12 // 5 * 3)
