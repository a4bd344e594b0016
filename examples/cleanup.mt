# The cleanup guarantee: a thread's `finally` blocks and `with` exits run, innermost first,
# exactly once, however the thread ends — killed by another thread, by exit(), by an
# uncaught error, by Ctrl-C, or because the program is ending.
#
# Run: mt examples/cleanup.mt            (kill and program end)
#      mt examples/cleanup.mt exit       (exit() from another thread)
#      mt examples/cleanup.mt wait       (then press Ctrl-C: Interrupt, status 130)

class LogFile:
    def init(self, name):
        self.name = name
    def enter(self):
        print("  open", self.name)
        return self
    def exit(self, err):
        print("  close", self.name)

def worker(name, inbox):
    with LogFile(name + ".log") as log:
        try:
            for msg in inbox:
                print(" ", name, "got", msg)
        finally:
            print(" ", name, "finally")

let mode = argv[1] if len(argv) > 1 else "kill"

print("1. kill: the killed thread unwinds at its blocking recv")
let a = channel()
let t = spawn worker("alpha", a)
a.send("hello")
t.kill()
t.join()

if mode == "exit":
    print("2. exit(3) from another thread: everyone else is killed, with cleanup")
    spawn worker("beta", channel())
    def quitter():
        sleep(0.01)
        exit(3)
    spawn quitter()
    sleep(10)

if mode == "wait":
    print("2. press Ctrl-C: Interrupt unwinds main; the worker is killed at shutdown")
    spawn worker("gamma", channel())
    try:
        sleep(60)
    finally:
        print("  main finally")

print("2. program end: a worker blocked forever is killed when main finishes")
spawn worker("delta", channel())
print("main done")
