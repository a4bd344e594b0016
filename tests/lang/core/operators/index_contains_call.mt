# TEST: def [](self, k), def []=(self, k, v), contains for in / not in, call for calling an instance (with keywords)
#> one 5 0
#> 6
#> true false true
#> 11 3 6
#> 2 2
class Grid:
    def init(self):
        self.cells = {}
    def [](self, key):
        return self.cells.get(str(key), 0)
    def []=(self, key, value):
        self.cells[str(key)] = value
    def contains(self, key):
        return str(key) in self.cells
    def call(self, a, b=10):
        return a + b
let g = Grid()
g[1] = "one"
g["k"] = 5
print(g[1], g["k"], g[99])
let k = "k"
g[k] += 1
print(g[k])
print(1 in g, 2 in g, 2 not in g)
print(g(1), g(1, 2), g(1, b=5))
class Counter:
    def init(self):
        self.n = 0
    def call(self):
        self.n += 1
        return self.n
let c = Counter()
c()
print(c(), c.n)
