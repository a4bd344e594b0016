# TEST: a killed thread runs every pending finally and with exit, innermost first, exactly once
#> enter R1
#> enter R2
#> finally 3
#> exit R2 ThreadExit
#> finally 2
#> exit R1 ThreadExit
#> finally 1
#> joined nil
class R:
    def init(self, n):
        self.n = n
    def enter(self):
        print("enter", self.n)
        return self
    def exit(self, err):
        print("exit", self.n, type(err))
def level3():
    try:
        sleep(10)
    finally:
        print("finally 3")
def worker():
    try:
        with R("R1") as a:
            try:
                with R("R2") as b:
                    level3()
            finally:
                print("finally 2")
    finally:
        print("finally 1")
    print("not reached")
let t = spawn worker()
sleep(0)
t.kill()
print("joined", t.join())
