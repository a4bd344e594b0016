# TEST: SIGTERM while a thread spins as the first statement of a with body: its exit runs
# SIGNAL: TERM 0.5
# EXIT: 143
#> main waits
#> exit ran with ThreadExit
class M:
    def enter(self):
        return self
    def exit(self, err):
        print("exit ran with", type(err))
def spin():
    with M():
        while true:
            pass
spawn spin()
print("main waits")
sleep(10)
