# TEST: a method read from the class can be called with an explicit self
#> hi bob
class G:
    def init(self, n):
        self.n = n
    def hi(self):
        return "hi " + self.n
let g = G("bob")
let m = G.hi
print(m(g))
