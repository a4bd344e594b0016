# TEST: an instance of a class with == but no hash cannot be a map key (TypeError); with hash: not supported yet (TypeError); other instances are keys by identity
#> 1
#> unhashable type: 'P' defines == but not hash
#> unhashable type: 'P' defines == but not hash
#> unhashable type: 'H' (instances with hash methods cannot be map keys yet)
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
try:
    let d = {H(): 1}
except TypeError as e:
    print(e.message)
