# Sets: displays (over one build chunk), set()/frozenset() from every readable kind and from
# iterators, methods, operators, frozensets as keys, repr through user repr methods, map merge.
let s = {1, 2, "three", 4.0}
let big = set(range(300))
print(s, len(big), set("héllo"), set(b"ab"), set({"k": 1}), frozenset([1, 2]))
def gen():
    yield 1
    yield 9
print(set(coroutine(gen)), s.union(coroutine(gen)), s.union([5, 6]), s.issubset(range(3)))
print(s | {7}, s & {1, 2}, s - {1}, s ^ {1, 8}, {1} <= s, s == {4.0, "three", 2, 1})
for i in range(50):
    s.add(i * 3)
    s.discard(i)
print(len(s), s.pop(), s.copy() == s)
let keys = {frozenset([1, 2]): "a", frozenset(): "b"}
print(keys[frozenset([2, 1])], len({frozenset(big), frozenset([1]), frozenset(big)}))
class P:
    def repr(self):
        return "P"
print({P()}, frozenset([P(), P()]))
print({"a": 1} | {"b": 2, "a": 3})
try:
    {[1]}
except TypeError as e:
    print(e.message)
