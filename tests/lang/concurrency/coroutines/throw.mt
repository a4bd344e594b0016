# TEST: co.throw(err): raised at the yield, finally runs, caught and yielded again gives the value; error classes are instantiated; dead, running, non-error and unstarted cases
#> 0
#> worker caught reset
#> finally ran
#> 100
#> finally ran
#> 101
#> finally ran
#> stopped: stop dead
#> done after KeyError dead
#> cannot resume a finished coroutine
#> coroutine is already running
#> throw() needs an Error or Exit instance or class, not int
#> before start dead
class Stop(Error):
    def init(self, why="stop"):
        self.message = "stopped: " + why
def worker():
    let n = 0
    while true:
        try:
            yield n
            n += 1
        except ValueError as e:
            print("worker caught", e.message)
            n = 100
        finally:
            print("finally ran")
let co = coroutine(worker)
print(co.resume())
print(co.throw(ValueError("reset")))
print(co.resume())
try:
    co.throw(Stop)
except Stop as e:
    print(e.message, co.status)
# throw with a class whose init takes an argument uses no argument
def gen():
    try:
        yield 1
    except KeyError:
        return "done after KeyError"
let g = coroutine(gen)
g.resume()
print(g.throw(KeyError("k")), g.status)
# errors: a dead coroutine, a running one, a value that is not an error
try:
    g.throw(ValueError("late"))
except ValueError as e:
    print(e.message)
def self_throw():
    current_coroutine().throw(ValueError("x"))
let s = coroutine(self_throw)
try:
    s.resume()
except ValueError as e:
    print(e.message)
try:
    coroutine(gen).throw(42)
except TypeError as e:
    print(e.message)
# a coroutine that never started is finished by throw, and the error comes back
let fresh = coroutine(gen)
try:
    fresh.throw(ValueError("before start"))
except ValueError as e:
    print(e.message, fresh.status)
