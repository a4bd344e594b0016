# Every bad argument of the process module raises the documented error with its exact
# message.
#> TypeError: start() argument 1 must be a list of str, not str
#> ValueError: start(): argv is empty
#> TypeError: start(): argv[1] must be a str, not int
#> ValueError: start(): argv[1] contains a NUL byte
#> ValueError: start(): stdin must be nil or "pipe"
#> ValueError: start(): stdout must be nil or "pipe"
#> ValueError: start(): stderr must be nil or "pipe"
#> TypeError: start() argument 1 must be a str when shell is true, not list
#> TypeError: process.start() takes at least 1 argument but 0 were given
#> TypeError: process.start() takes at most 5 arguments but 6 were given
#> IOError: cannot run '/no/such/program': No such file or directory
#> IOError: cannot run '/': Permission denied
#> TypeError: run(): input must be a str or nil, not int
#> TypeError: run() argument 1 must be a list of str, not str
#> TypeError: run() got an unexpected keyword argument 'stdout'
#> TypeError: kill() argument 1 must be an int, not str
#> ValueError: kill(): invalid signal number -1
#> ValueError: kill(): invalid signal number 65
#> TypeError: kill() argument 1 must be an int, not float
#> TypeError: wait() takes 0 arguments but 1 was given
#> IOError: write() on a pipe open only for reading
#> -9
#> no error
#> IOError: read() on a closed pipe
import process
def show(f):
    try:
        f()
        print("no error")
    except Error as e:
        print(type(e) + ": " + e.message)
show(fn(): process.start("ls"))
show(fn(): process.start([]))
show(fn(): process.start(["ls", 1]))
show(fn(): process.start(["ls", "a\0b"]))
show(fn(): process.start(["ls"], stdin="file"))
show(fn(): process.start(["ls"], stdout=1))
show(fn(): process.start(["ls"], stderr="PIPE"))
show(fn(): process.start(["echo hi"], shell=true))
show(fn(): process.start())
show(fn(): process.start(["true"], nil, nil, nil, false, 1))
show(fn(): process.start(["/no/such/program"]))
show(fn(): process.start(["/"]))
show(fn(): process.run(["true"], input=5))
show(fn(): process.run("true"))
show(fn(): process.run(["true"], stdout="pipe"))
let p = process.start(["sleep", "5"], stdout="pipe")
show(fn(): p.kill("TERM"))
show(fn(): p.kill(-1))
show(fn(): p.kill(65))
show(fn(): p.kill(signo=1.0))
show(fn(): p.wait(1))
show(fn(): p.stdout.write("x"))
p.kill(9)
print(p.wait())
show(fn(): p.kill())
p.stdout.close()
show(fn(): p.stdout.read())
