# TEST: add, remove, discard, pop, clear, copy, update on a set
#> {1, 2, 3}
#> {1, 3}
#> {1, 3}
#> 3 {1}
#> {1, 4, 5, 6, 7} {1}
#> set() 0
#> {"a", "b"}
let s = {1, 2}
s.add(3)
s.add(1)
print(s)
s.remove(2)
print(s)
s.discard(99)
print(s)
print(s.pop(), s)
let c = s.copy()
s.update([4, 5])
s.update(range(6, 8))
print(s, c)
s.clear()
print(s, len(s))
let d = set()
d.update("abab")
print(d)
