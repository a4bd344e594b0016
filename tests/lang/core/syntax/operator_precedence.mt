# TEST: precedence: arithmetic > comparison > not > and > or; `in`/`not in` are comparisons
#> true true false
#> true
#> true false
print(not 1 == 2, 1 in [1] and 2 not in [1], not 1 in [1])
print(1 + 2 == 3 and 2 * 3 == 6 or false)
print(false and false or true, false and (false or true))
