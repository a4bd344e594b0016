# TEST: instances compare by identity with ==
#> true false true
class C:
    def init(self, v):
        self.v = v
let a = C(1)
let b = C(1)
let a2 = a
print(a == a2, a == b, a != b)
