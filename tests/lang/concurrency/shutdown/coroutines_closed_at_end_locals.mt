# TEST: suspended coroutines held only by a finished function's locals are closed at program
# end, each once, newest first (found[] at program end was no root: under GC stress the
# second coroutine was freed before its closer held it, and the run crashed)
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
def main():
    let keep = []
    for n in ["a", "b", "c"]:
        let co = coroutine(g, n)
        print(co.resume())
        keep.append(co)
    let fin = coroutine(fn(): 1)
    fin.resume()
    keep.append(coroutine(g, "never started"))
    print("main end")
main()
