# TEST: the value of a send case is a whole expression: `or`, `and`, `not`, a conditional expression, a lambda, a call with nested recv
#> true
#> yes
#> 5
#> 42
#> false
let c = channel(1)
let flag = false
select:
    case c.send(flag or true):
        pass
print(c.recv())
select:
    case c.send("yes" if not flag else "no"):
        pass
print(c.recv())
select:
    case c.send(fn(v): v + 2):
        pass
print(c.recv()(3))
let src = channel(1)
src.send(40)
select:
    case c.send(src.recv() + 2):
        pass
print(c.recv())
select:
    case c.send(flag and true):
        pass
print(c.recv())
