# TEST: the item of a comprehension may yield, receive from a channel or sleep: it runs inline in the enclosing function
#> 0
#> 1
#> 2
#> got ["a", "b", "c"]
#> [10, 20, 30]
#> [1, 2]
def gen():
    let r = [(yield x) for x in range(3)]
    print("got", r)
let co = coroutine(gen)
print(co.resume(nil))
print(co.resume("a"))
print(co.resume("b"))
co.resume("c")
let ch = channel()
spawn (fn(): [ch.send(v) for v in [10, 20, 30]])()
print([ch.recv() for _ in range(3)])
print([sleep(0.001) or v for v in [1, 2]])
