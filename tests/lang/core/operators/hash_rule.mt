# TEST: an instance of a class with == but no hash cannot be a map key (TypeError); other instances without == are keys by identity; with hash, m[k] and in work but a map display does not
#> 1
#> unhashable type: 'P' defines == but not hash
#> unhashable type: 'P' defines == but not hash
#> 1 true
#> a 'H' key (it has a hash method) can be used only with m[k], m[k] = v and in
class P:
    def init(self, v):
        self.v = v
    def ==(self, o):
        return self.v == o.v
class Plain:
    pass
let m = {}
let p = Plain()
m[p] = 1
print(m[p])
try:
    m[P(1)] = 1
except TypeError as e:
    print(e.message)
try:
    print(P(1) in m)
except TypeError as e:
    print(e.message)
class H:
    def ==(self, o):
        return true
    def hash(self):
        return 1
let d = {}
d[H()] = 1
print(d[H()], H() in d)
try:
    d = {H(): 1}
except TypeError as e:
    print(e.message)
