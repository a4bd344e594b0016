# TEST: a ThreadExit arriving while a with-exit runs waits until exit ends, also when the victim yielded inside exit
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
        yield
        print("exit end")
def worker():
    with Slow() as s:
        pass
    sleep(0)
    print("not reached")
let t = spawn worker()
inside.recv()
t.kill()
print("killed during exit")
print("joined", t.join())
