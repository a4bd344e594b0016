# TEST: sort, sorted, min and max compare instances with their < method (stable); sum uses + and r+
#> [N(1), N(1), N(2), N(3)] true true
#> [N(3), N(2), N(1), N(1)]
#> [5, 4, 3]
#> N(1) N(3) N(4) N(9)
#> N(3) N(13)
#> '<' not supported between 'Only' and 'Only'
class N:
    def init(self, v):
        self.v = v
    def <(self, o):
        return self.v < o.v
    def +(self, o):
        return N(self.v + o.v)
    def r+(self, o):
        return N(o + self.v)
    def repr(self):
        return f"N({self.v})"
let a1 = N(1)
let a2 = N(1)
let xs = [N(3), a1, N(2), a2]
xs.sort()
print(xs, xs[0] == a1, xs[1] == a2)
print(sorted(xs, reverse=true))
print(sorted([5, 3, 4], key=fn(v): N(-v)))
print(min(xs), max(xs), min(N(7), N(4)), max([N(7), N(9)]))
print(sum([N(1), N(2)]), sum([N(1), N(2)], N(10)))
class Only:
    pass
try:
    sorted([Only(), Only()])
except TypeError as e:
    print(e.message)
