# process.start with pipes: write to the child's stdin, read its stdout line by line
# while it runs, close stdin to end its input; pid, returncode (nil while running),
# wait() from two threads, the pipe objects' type, and nil for streams not piped.
#> process pipe pipe nil true
#> returncode while running: nil
#> got "1: first\n"
#> got "2: second\n"
#> both waiters got 0 0
#> returncode 0, stdin closed true
import process
let p = process.start(["sh", "-c", "n=0; while read l; do n=$((n+1)); echo \"$n: $l\"; done"], stdin="pipe", stdout="pipe")
print(type(p), type(p.stdin), type(p.stdout), p.stderr, p.pid > 0)
print("returncode while running:", p.returncode)
let ch = channel()
def waiter():
    ch.send(p.wait())
spawn waiter()
p.stdin.write("first\n")
print("got", repr(p.stdout.readline()))
p.stdin.write("second\n")
print("got", repr(p.stdout.readline()))
p.stdin.close()
print("both waiters got", p.wait(), ch.recv())
print(f"returncode {p.returncode}, stdin closed", p.stdin.closed)
