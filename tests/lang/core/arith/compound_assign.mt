# TEST: += -= *= /= update variables, list items and fields
#> 15 12 24 6.0
#> [1, 12]
#> 7
#> ab
let x = 10
x += 5
let a = x
x -= 3
let b = x
x *= 2
let c = x
x /= 4
print(a, b, c, x)
let xs = [1, 2]
xs[1] += 10
print(xs)
class C:
    def init(self):
        self.n = 4
let o = C()
o.n += 3
print(o.n)
let s = "a"
s += "b"
print(s)
