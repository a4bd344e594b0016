# TEST: a class defined in a function can refer to itself in its methods; a local def can recurse
#> nil
#> 120
def mk():
    class Node:
        def init(self, n):
            self.next = nil if n == 0 else Node(n - 1)
    return Node(2)
print(mk().next.next.next)
def rec():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact(5)
print(rec())
