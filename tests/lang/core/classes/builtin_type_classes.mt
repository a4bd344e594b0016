# TEST: the built-in types' names are classes: calling converts as before (keywords too), print shows <class int>, isinstance by type (bools are not ints, a frozenset is not a set), usable as values and keys
#> <class int> <class str> <class float> <class bool> <class list> <class bytes> <class range> <class set> <class frozenset> <class coroutine> <class channel> class
#> 3 4 1.5 false ["a", "b"] b"A" range(0, 3) {1} frozenset()
#> 255 12  0 0.0 false
#> true false false true true
#> true true false true
#> true false false false
#> true true true true
#> true true i [<class str>, <class int>] true
#> 12 ["1", "2"] [1, 2] function
#> true false false
#> 5
print(int, str, float, bool, list, bytes, range, set, frozenset, coroutine, channel, type(int))
print(int("3"), str(4), float("1.5"), bool(0), list("ab"), bytes([65]), range(3), set([1]), frozenset())
print(int("ff", base=16), int(x="12"), str(), int(), float(), bool())
print(isinstance(1, int), isinstance(1.0, int), isinstance(true, int), isinstance(true, bool), isinstance("s", str))
print(isinstance([], list), isinstance({1}, set), isinstance(frozenset(), set), isinstance(frozenset(), frozenset))
print(isinstance(1, [float, int]), isinstance(1, [str]), isinstance({}, list), isinstance(nil, int))
print(isinstance(coroutine(fn(): 1), coroutine), isinstance(channel(), channel), isinstance(b"", bytes), isinstance(range(1), range))
print(int == int, str != int, {int: "i"}[int], [str, int], hash(int) == hash(int))
let f = str
print(f(12), map(str, [1, 2]), map(int, ["1", "2"]), type(map))
class P:
    pass
print(isinstance(P(), P), isinstance(P(), int), isinstance(1, P))
let t = spawn str(5)
print(t.join())
