# TEST: calling a class returns the new instance, even if init returns early
#> P 1
class P:
    def init(self, a):
        self.a = a
        return
        self.a = 99
let p = P(1)
print(type(p), p.a)
