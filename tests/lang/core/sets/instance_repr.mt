# TEST: sets of instances with repr methods print through them; instances are members by identity
#> {P(1), P(2)} frozenset({P(1)})
#> 2 true false
class P:
    def init(self, n):
        self.n = n
    def repr(self):
        return f"P({self.n})"
let a = P(1)
let s = {a, P(2), a}
print(s, frozenset([a]))
print(len(s), a in s, P(1) in s)
