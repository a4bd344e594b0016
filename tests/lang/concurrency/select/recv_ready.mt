# TEST: select runs the one recv case whose channel has a value, binding it with `as`
#> b got 2
#> a got 1
let a = channel(1)
let b = channel(1)
b.send(2)
select:
    case a.recv() as v:
        print("a got", v)
    case b.recv() as v:
        print("b got", v)
a.send(1)
select:
    case a.recv() as v:
        print("a got", v)
    case b.recv() as v:
        print("b got", v)
