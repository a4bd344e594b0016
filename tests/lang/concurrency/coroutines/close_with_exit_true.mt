# TEST: a with-exit returning true does not suppress the ThreadExit of close()
#> 1
#> exit ThreadExit
#> finally
#> done true
class Swallow:
    def enter(self):
        return self
    def exit(self, err):
        print("exit", type(err))
        return true
def g():
    try:
        with Swallow() as s:
            yield 1
        print("after with: not reached")
        yield 2
    finally:
        print("finally")
let co = coroutine(g)
print(co.resume())
co.close()
print("done", co.done)
