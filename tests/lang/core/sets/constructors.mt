# TEST: set(iterable) and frozenset(iterable) from lists, strs, ranges, maps, bytes, sets, coroutines and iterator objects
#> {3, 1, 2} {"h", "é", "l", "o"} {0, 2, 4}
#> {"a", "b"} {104, 105} {1, 2}
#> {10, 20} frozenset({10, 20})
#> {0, 1, 2} frozenset({1, 2, 3})
#> true true
print(set([3, 1, 2, 1]), set("héllo"), set(range(0, 6, 2)))
print(set({"a": 1, "b": 2}), set(b"hih"), set({1, 2}))
def gen():
    yield 10
    yield 20
    yield 10
print(set(coroutine(gen)), frozenset(coroutine(gen)))
class Count:
    def init(self, n):
        self.i = 0
        self.n = n
    def next(self):
        if self.i >= self.n:
            raise StopIteration()
        self.i += 1
        return self.i - 1
print(set(Count(3)), frozenset({1, 2, 3}))
let f = frozenset([1])
print(frozenset(f) == f, set(nil) == set())
