# TEST: a with-exit that returns true cannot suppress the ThreadExit of a kill; the thread still ends
#> exit sees ThreadExit
#> outer finally
#> joined nil
class Swallow:
    def enter(self):
        return self
    def exit(self, err):
        print("exit sees", type(err))
        return true
def w():
    try:
        with Swallow() as s:
            sleep(10)
        print("after with: not reached")
        return "not nil"
    finally:
        print("outer finally")
let t = spawn w()
sleep(0)
t.kill()
print("joined", t.join())
