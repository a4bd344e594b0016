# TEST: class variables (NAME = value) and static def in a class body: read through the class, instances and subclasses, assignable
#> 0 1 true 2
#> 0 1 true
#> 5 5 false
#> 0 5 true
#> 5 10 1 3
#> 6
#> 7 6
#> [1]
#> 3
#> cannot assign to method 'strongest' of class 'Strength'
#> class 'Strength' has no attribute 'nothing'
class Strength:
    REQUIRED = 0
    STRONG = 1
    WEAK = "weak"
    static def of(n):
        if n == 0:
            return Strength(Strength.REQUIRED)
        return Strength(n)
    def init(self, level):
        self.level = level
    def strongest(self):
        return self.level == self.REQUIRED
print(Strength.REQUIRED, Strength.STRONG, Strength.of(0).strongest(), Strength.of(2).level)
let s = Strength(0)
print(s.REQUIRED, s.of(1).level, s.strongest())
Strength.REQUIRED = 5
print(Strength.REQUIRED, s.REQUIRED, s.strongest())
# a field of the same name shadows the class variable for that instance only
s.REQUIRED = 0
print(s.REQUIRED, Strength.REQUIRED, s.strongest())
# subclasses see the base's class variables (looked up through the bases)
class Sub(Strength):
    STRONG = 10
print(Sub.REQUIRED, Sub.STRONG, Strength.STRONG, Sub.of(3).level)
Strength.REQUIRED = 6
print(Sub.REQUIRED)
Sub.REQUIRED = 7
print(Sub.REQUIRED, Strength.REQUIRED)
# new class variables can be made by assignment
Strength.EXTRA = [1]
print(Sub.EXTRA)
# static is a word only in a class body
let static = 3
print(static)
try:
    Strength.strongest = 1
except AttributeError as e:
    print(e.message)
try:
    Strength.nothing
except AttributeError as e:
    print(e.message)
