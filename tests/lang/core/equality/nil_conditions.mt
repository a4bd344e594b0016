# TEST: `x == nil` and `x != nil` as conditions test for nil only: falsy values are not nil, and an `==` method is never called
#> 3 0 1
#> nil node 1 empty node
#> nil: [nil]
#> not nil: [0]
#> not nil: [false]
#> not nil: [""]
#> not nil: [[]]
#> not nil: [0.0]
#> Loud is not nil
#> false true [1, 2]
#> both nil
#> either nil
#> either not nil
class Node:
    def init(self, v, next):
        self.v = v
        self.next = next
class Loud:
    def ==(self, o):
        print("== called")
        return true
def length(node):
    let n = 0
    while node != nil:
        n += 1
        node = node.next
    return n
def describe(x):
    if x == nil:
        return "nil"
    elif x.v != nil:
        return "node " + str(x.v)
    return "empty node"
let list = Node(1, Node(2, Node(3, nil)))
print(length(list), length(nil), length(Node(0, nil)))
print(describe(nil), describe(list), describe(Node(nil, nil)))
for v in [nil, 0, false, "", [], 0.0]:
    if v == nil:
        print("nil:", [v])
    if v != nil:
        print("not nil:", [v])
let l = Loud()
if l == nil:
    print("wrong")
if l != nil:
    print("Loud is not nil")
if nil == l:
    print("wrong")
print(l == nil, nil != l, [x for x in [1, nil, 2] if x != nil])
let m = {"a": nil}
if m["a"] == nil and m.get("b") == nil:
    print("both nil")
let m2 = {"a": 1}
if m2["a"] == nil and m2.get("b") == nil:
    print("wrong")
if m2.get("b") == nil or m2["a"] == nil:
    print("either nil")
if m2["a"] != nil or m2.get("z") != nil:
    print("either not nil")
if m2["a"] == nil or m2.get("z") != nil:
    print("wrong")
