# TEST: in `case cc.recv().send(v)` the inner recv runs once on entry, in source order with the other operands; a blocking inner recv blocks the select's entry
#> operand a
#> feeder sends the target
#> operand value
#> operand b
#> b got: 7
#> inner recvs 1
let cc = channel()
let target = channel(1)
let recvs = 0
def trace(label, v):
    print("operand", label)
    return v
class Counting:
    def recv(self):
        recvs += 1
        return cc.recv()
def feeder():
    print("feeder sends the target")
    cc.send(target)
spawn feeder()
let never = channel()
let counting = Counting()
select:
    case trace("a", never).recv() as v:
        print("WRONG a", v)
    case counting.recv().send(trace("value", 7)):
        print("b got:", target.recv())
    case trace("b", never).recv() as v:
        print("WRONG b", v)
print("inner recvs", recvs)
