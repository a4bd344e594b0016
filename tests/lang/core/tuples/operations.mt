# TEST: tuple indexing (negative too), slicing gives a tuple, iteration, in, +, * by int, len, truthiness
#> 10 40 (20, 30) () (10, 30) (40, 30, 20, 10) (30, 40)
#> 1
#> b
#> true false true true
#> (1, 2, 3) () (1, 2, 1, 2) ("a", "a") () ()
#> 4 0 false true
#> 100 6 1 3 [1, 2, 3] [1, 2]
#> [(0, 7), (1, 8)] [(1, "a"), (2, "b")]
#> 1
let t = (10, 20, 30, 40)
print(t[0], t[-1], t[1:3], t[:0], t[::2], t[::-1], t[-2:])
for x in (1, "b"):
    print(x)
print(20 in t, 25 in t, "a" not in t, [1] in ([1], 2))
print((1,) + (2, 3), () + (), (1, 2) * 2, 2 * ("a",), (1,) * 0, (1,) * -3)
print(len(t), len(()), bool(()), bool((0,)))
let s = 0
for a in t:
    s += a
print(s, sum((1, 2, 3)), min((3, 1, 2)), max((3, 1, 2)), sorted((3, 1, 2)), list((1, 2)))
print(enumerate((7, 8)), zip((1, 2), ("a", "b")))
let n = (((1,),),)
print(n[0][0][0])
