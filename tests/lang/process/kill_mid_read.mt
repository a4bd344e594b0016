# A child killed while a thread reads its output: the read returns what the child wrote
# before it died, then "" (the end), and wait() gives minus the signal number. A thread
# killed while it waits for a child runs its finally; the child is still there to kill
# and wait for.
#> read "before\n" then ""
#> wait: -9
#> waiter finally ran
#> joined nil; returncode still nil
#> after kill(): -15
import process
let p = process.start(["sh", "-c", "echo before; exec sleep 10"], stdout="pipe")
def killer():
    sleep(0.05)
    p.kill(9)
spawn killer()
let first = p.stdout.readline()
let rest = p.stdout.readline()
print("read", repr(first), "then", repr(rest))
print("wait:", p.wait())
let q = process.start(["sleep", "10"])
def waiter():
    try:
        q.wait()
    finally:
        print("waiter finally ran")
let w = spawn waiter()
sleep(0.01)
w.kill()
print("joined", str(w.join()) + "; returncode still", q.returncode)
q.kill()
print("after kill():", q.wait())
