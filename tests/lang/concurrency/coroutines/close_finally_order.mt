# TEST: co.close() raises ThreadExit at the yield: finally blocks and with exits run innermost first, exactly once
#> yielded 1
#> finally inner
#> exit W2 ThreadExit
#> finally middle
#> exit W1 ThreadExit
#> finally outer
#> closed true
#> after second close
class W:
    def init(self, name):
        self.name = name
    def enter(self):
        return self
    def exit(self, err):
        print("exit", self.name, type(err))
def deep():
    try:
        yield 1
        print("not reached")
    finally:
        print("finally inner")
def g():
    try:
        with W("W1") as a:
            try:
                with W("W2") as b:
                    deep()
                    print("not reached")
            finally:
                print("finally middle")
    finally:
        print("finally outer")
    print("not reached")
let co = coroutine(g)
print("yielded", co.resume())
co.close()
print("closed", co.done)
co.close()
print("after second close")
