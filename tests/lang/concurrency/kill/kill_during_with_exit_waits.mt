# TEST: a ThreadExit arriving while a with-exit runs waits until the exit method ends
#> body done
#> exit start
#> killed during exit
#> exit end
#> joined nil
let inside = channel(1)
class Slow:
    def enter(self):
        return self
    def exit(self, err):
        print("exit start")
        inside.send(1)
        sleep(0.02)
        print("exit end")
def worker():
    with Slow() as s:
        print("body done")
    sleep(0)
    print("not reached")
let t = spawn worker()
inside.recv()
t.kill()
print("killed during exit")
print("joined", t.join())
