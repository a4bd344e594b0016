# TEST: a sort key may be any callable: a def, a lambda, a builtin, a bound method
#> [-1, 2, -3]
#> ["b", "A", "C"]
class Ranker:
    def init(self, order):
        self.order = order
    def rank(self, x):
        return self.order.index(x)
let r = Ranker(["b", "A", "C"])
let xs = ["C", "A", "b"]
print(sorted([-3, 2, -1], key=abs))
xs.sort(key=r.rank)
print(xs)
