# TEST: sub with a function calls it with each Match; the function may yield inside a coroutine or block on a channel; a non-str result is a TypeError
#> HÉLLO WÖRLD ["a2b4c3", 2]
#> ["1", "2"] a10b20
#> a<0>b<1>
#> re.sub(): the replacement function returned int, not str
#> no such group: 9
import re
print(re.sub(r"\w+", fn(m): m.group().upper(), "héllo wörld"), re.subn(r"\d", fn(m): str(int(m.group()) * 2), "a1b2c3", count=2))
let gen = coroutine(fn(): re.sub(r"\d", fn(m): str((yield m.group())), "a1b2"))
let v = gen.resume()
let seen = []
while not gen.done:
    seen.append(v)
    v = gen.resume(int(v) * 10)
print(seen, v)
let ch = channel()
def producer():
    for i in range(2):
        ch.send("<" + str(i) + ">")
spawn producer()
print(re.sub("x", fn(m): ch.recv(), "axbx"))
try:
    re.sub("a", fn(m): 5, "a")
except TypeError as e:
    print(e.message)
try:
    re.sub("a", fn(m): m.group(9), "a")
except IndexError as e:
    print(e.message)
