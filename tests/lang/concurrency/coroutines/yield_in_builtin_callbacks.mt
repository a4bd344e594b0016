# TEST: yield works inside callbacks called by built-ins: sort key, sorted key, map, filter, iterator next
#> key 3
#> key 1
#> key 2
#> sorted [1, 2, 3]
#> skey 30
#> skey 10
#> sorted [10, 30]
#> map 1
#> map 2
#> mapped [10, 20]
#> filter 1
#> filter 2
#> filter 3
#> filtered [1, 3]
#> next 0
#> next 1
#> iterated [0, 1]
#> true
class Counter:
    def init(self, n):
        self.i = 0
        self.n = n
    def iter(self):
        return self
    def next(self):
        if self.i >= self.n:
            raise StopIteration("end")
        yield "next " + str(self.i)
        self.i += 1
        return self.i - 1
def body():
    let xs = [3, 1, 2]
    xs.sort(key=fn(v): (yield "key " + str(v)))
    print("sorted", xs)
    let ys = sorted([30, 10], key=fn(v): (yield "skey " + str(v)))
    print("sorted", ys)
    let ms = map(fn(v): (yield "map " + str(v)), [1, 2])
    print("mapped", ms)
    let fs = filter(fn(v): (yield "filter " + str(v)), [1, 2, 3])
    print("filtered", fs)
    let out = []
    for v in Counter(2):
        out.append(v)
    print("iterated", out)
let co = coroutine(body)
# The resumer answers each callback: sort keys are the values themselves,
# map multiplies by 10, filter keeps odd numbers.
let msg = co.resume()
while not co.done:
    print(msg)
    let parts = msg.split(" ")
    let reply = nil
    if parts[0] == "map":
        reply = int(parts[1]) * 10
    elif parts[0] == "filter":
        reply = int(parts[1]) % 2 == 1
    elif parts[0] == "key" or parts[0] == "skey":
        reply = int(parts[1])
    msg = co.resume(reply)
print(co.done)
