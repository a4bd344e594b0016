# TEST: `s += i` past 2^47 updates the local's boxed int in place (vm.c "Owned ints"); every
# copy made before (a variable, a closure, a map key, a list item, an argument, an operator
# method's operand, a yielded value) keeps its value
#> 140737488355327 140737488355328 140737488355330
#> closure saw 140737488355330
#> key 140737488355331 in m: true, item 140737488355331
#> kept 140737488355332, s 140737488355334
#> cmp got 140737488355334 key 140737488355334 s 140737488355335
#> yielded 140737488355333 then 140737488355334
#> returned 140737488355335 arg 140737488355335
#> inc 140737488355331 140737488355336
#> float 1.5
#> cmp 140737488355330 key 140737488355331 get 140737488355332 s 140737488355333
#> moved 140737488355329 140737488355330
class Keeper:
    def init(self):
        self.kept = nil
    def r+(self, other):
        self.kept = other
        return other + 1
    def >(self, other):
        self.cmp = other
        return false
    def [](self, key):
        self.key = key
        return 0
def f():
    let s = 140737488355326
    let one = 1
    s += one
    let before = s
    s += one
    let t = s
    s += one
    s += one
    print(before, t, s)
    let peek = fn(): s
    let seen = peek()
    s += one
    print("closure saw", seen)
    let m = {}
    let xs = []
    m[s] = 1
    xs.append(s)
    let key = s
    s += one
    print(f"key {key} in m: {key in m}, item {xs[0]}")
    let k = Keeper()
    s += k
    s += one
    print(f"kept {k.kept}, s {s}")
    if s < k:
        print("unexpected")
    let got = k[s]
    s += one
    print("cmp got", k.cmp, "key", k.key, "s", s)
    def gen():
        let v = 140737488355330
        v += 3
        yield v
        v += 1
        yield v
    let co = coroutine(gen)
    let y = co.resume()
    print("yielded", y, "then", co.resume())
    def same(v):
        return v
    let r = same(s)
    s += one
    print("returned", r, "arg", s - 1)
    let c = 140737488355330
    c += 1
    let c0 = c
    c += 5
    print("inc", c0, c)
    let fl = 0.5
    fl += one
    print("float", fl)
f()
def g():
    let one = 1
    let s = 140737488355327
    s += one
    s += one
    s += one
    let k = Keeper()
    if s < k:
        print("unexpected")
    s += one
    let got = k[s]
    s += one
    let m = {}
    m[s] = 1
    s += one
    print("cmp", k.cmp, "key", k.key, "get", list(m.keys())[0], "s", s)
g()
def h():
    let one = 1
    let xs = [0]
    let z = 0
    let s = 140737488355327
    for k in range(3):
        xs[z] = s
        s += one
    print("moved", xs[0], s)
h()
