# TEST: a case's channel expression may itself call .recv()/.send(): only the last call is the case's operation (Go's `case <-cc <- 2`)
#> send to a received channel: 2
#> recv from a received channel: inner
#> nested suffixes: boxed
#> method chain: chained
#> user method named send: routed
#> attribute named recv: attr
#> sliced: from slice
let cc = channel(1)
let c = channel(1)
cc.send(c)
select:
    case cc.recv().send(2):
        pass
    default:
        print("WRONG default")
print("send to a received channel:", c.recv())

let inner = channel(1)
inner.send("inner")
cc.send(inner)
select:
    case cc.recv().recv() as v:
        print("recv from a received channel:", v)
    default:
        print("WRONG default")

class Box:
    def init(self):
        self.slots = {"in": [channel(1)]}
        self.recv = channel(1)
    def get(self, name, at = 0):
        return self.slots[name][at]
    def send(self, v):
        return self.slots["in"][0]
let box = Box()
box.slots["in"][0].send("boxed")
select:
    case box.slots["in"][0].recv() as v:
        print("nested suffixes:", v)
box.get("in", at = 0).send("chained")
select:
    case box.get("in", at = 0).recv() as v:
        print("method chain:", v)
select:
    case box.send("ignored").send("routed"):
        print("user method named send:", box.get("in").recv())
box.recv.send("attr")
select:
    case box.recv.recv() as v:
        print("attribute named recv:", v)
let chans = [channel(1), channel(1), channel(1)]
chans[2].send("from slice")
select:
    case chans[1:][1].recv() as v:
        print("sliced:", v)
