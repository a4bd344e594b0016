# TEST: spawn works with a method call, a closure, and a lambda; results come back through join
#> method 5
#> closure 6
#> lambda 7
class Acc:
    def init(self, base):
        self.base = base
    def add(self, n):
        return self.base + n
def make(k):
    def inner(n):
        return k + n
    return inner
let a = Acc(2)
let f = make(3)
let t1 = spawn a.add(3)
let t2 = spawn f(3)
let t3 = spawn (fn(x): x + 1)(6)
print("method", t1.join())
print("closure", t2.join())
print("lambda", t3.join())
