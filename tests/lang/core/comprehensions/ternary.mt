# TEST: a comprehension over an iterator object (ended by StopIteration) in either branch or the test of a conditional expression: the loop's end is found after the branch's code moves
#> [1, 2]
#> [1, 2]
#> [[1, 1], [1, 2], [2, 1], [2, 2]]
#> no
class It:
    def init(self):
        self.n = 0
    def next(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration()
        return self.n
let c = true
print([x for x in It()] if c else 0)
print([y for y in It()] if [x for x in It()] else 0)
print(0 if not [x for x in It()] else [[x, z] for x in It() for z in It()])
print(len([x for x in It()]) if false else "no")
