# TEST: sort sorts in place, numbers and strings, reverse=true; sort returns nil
#> [1, 2, 3, 5]
#> ["a", "b", "c"]
#> [5, 3, 2, 1]
#> nil
#> [1, 1.5, 2]
let a = [3, 1, 5, 2]
a.sort()
print(a)
let s = ["c", "a", "b"]
s.sort()
print(s)
a.sort(reverse=true)
print(a)
print([2, 1].sort())
let mixed = [2, 1.5, 1]
mixed.sort()
print(mixed)
