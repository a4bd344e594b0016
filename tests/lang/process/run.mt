# process.run: the return code, captured output (str, or nil when not captured), input,
# shell=true, check=true raising ProcessError with the code and output.
#> 0 "hello world\n" "" CompletedProcess ["echo", "hello world"]
#> 0 nil nil
#> "B\nA\n"
#> 3 "out\n" "err\n"
#> ProcessError command ["sh", "-c", "echo oops >&2; exit 4"] returned exit status 4 4 "oops\n"
#> ProcessError command "kill -9 $$" was killed by signal 9 -9
#> is Error: true
#> 300000
#> "1000\n"
import process
let r = process.run(["echo", "hello world"], capture=true)
print(r.returncode, repr(r.stdout), repr(r.stderr), type(r), r.argv)
r = process.run(["true"])
print(r.returncode, r.stdout, r.stderr)
print(repr(process.run(["sort", "-r"], input="A\nB\n", capture=true).stdout))
r = process.run("echo out; echo err >&2; exit 3", shell=true, capture=true)
print(r.returncode, repr(r.stdout), repr(r.stderr))
try:
    process.run(["sh", "-c", "echo oops >&2; exit 4"], capture=true, check=true)
except ProcessError as e:
    print(type(e), e.message, e.returncode, repr(e.stderr))
try:
    process.run("kill -9 $$", shell=true, check=true)
except ProcessError as e:
    print(type(e), e.message, e.returncode)
    print("is Error:", isinstance(e, Error))
# Big output on both streams at once, and big input: no deadlock.
r = process.run("yes 12345 | head -c 300000; yes e | head -c 300000 >&2", shell=true, capture=true)
print(len(r.stdout) if len(r.stderr) == 300000 else "stderr lost")
print(repr(process.run(["wc", "-l"], input="x\n" * 1000, capture=true).stdout.strip() + "\n"))
