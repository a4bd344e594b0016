# Operator methods (frames pushed from the operator slow paths), class variables (a table
# that grows), static functions, docstrings, sorting instances in the prelude, co.throw.
class V:
    "A vector."
    COUNT = 0
    static def of(n):
        V.COUNT += 1
        return V(n, n)
    def init(self, x, y):
        self.x = x
        self.y = y
    def +(self, o):
        return V(self.x + o.x, self.y + o.y)
    def r*(self, k):
        return V(k * self.x, k * self.y)
    def -(self):
        return V(-self.x, -self.y)
    def ==(self, o):
        return self.x == o.x and self.y == o.y
    def <(self, o):
        return self.x < o.x
    def [](self, i):
        return [self.x, self.y][i]
    def str(self):
        return f"V({self.x}, {self.y})"
let acc = V(0, 0)
for i in range(20):
    acc += 2 * V.of(i)
    V.EXTRA = [i]
print(acc, -acc, acc[1], acc == V(380, 380), acc != V(0, 0), V.COUNT, V.doc)
print(sorted([V(3, 0), V(1, 0), V(2, 0)])[0], min([V(5, 1), V(4, 1)]))
def gen():
    try:
        yield 1
    except ValueError as e:
        yield e.message + "!"
let co = coroutine(gen)
co.resume()
print(co.throw(ValueError("thrown")), co.status)
