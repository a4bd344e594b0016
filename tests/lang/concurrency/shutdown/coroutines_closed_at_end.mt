# TEST: at program end every suspended coroutine with pending cleanup is closed, newest first
#> a 1
#> b 1
#> c 1
#> main end
#> cleanup c
#> cleanup b
#> cleanup a
def g(name):
    try:
        yield name + " 1"
        print("not reached")
    finally:
        print("cleanup", name)
let keep = []
for n in ["a", "b", "c"]:
    let co = coroutine(g, n)
    print(co.resume())
    keep.append(co)
# a finished coroutine and a never-started one have no pending cleanup
let fin = coroutine(fn(): 1)
fin.resume()
keep.append(coroutine(g, "never started"))
print("main end")
