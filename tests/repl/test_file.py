"""REPL: `mt -i FILE args` runs the file first (no banner), then the prompt has its
globals, its argv and its threads (still running); a file that does not compile is
reported and the prompt opens anyway; a missing file is status 2."""
import os
import tempfile

from ptyrepl import Session, mt_path

MT = mt_path()
home = tempfile.mkdtemp(prefix="mt-repl-")
with open(os.path.join(home, "prog.mt"), "w") as f:
    f.write("""\
let total = 10
def bump(n):
    return total + n
let inbox = channel()
def server():
    for msg in inbox:
        print("server got", msg)
let srv = spawn server()
print("loaded", argv)
""")
with open(os.path.join(home, "broken.mt"), "w") as f:
    f.write("let ok = 1\nlet = 2\n")
s = Session(MT, args=["-i", "prog.mt", "one", "two"], cwd=home)
s.expect_prompt()
s.line("bump(5)")
s.line('inbox.send("hello")')
s.expect("server got hello\n")
s.line("srv.alive")
s.line("inbox.close()")
s.line("srv.alive")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check("""\
loaded ["prog.mt", "one", "two"]
>>> bump(5)
15
>>> inbox.send("hello")
server got hello
>>> srv.alive
true
>>> inbox.close()
>>> srv.alive
false
>>>
""", status=0)

# A file that does not compile: the error, then the prompt (nothing of it ran).
s = Session(MT, args=["-i", "broken.mt"], cwd=home)
s.line("1")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check("""\
broken.mt:2:5: expected variable name after 'let', found '='
    let = 2
        ^
>>> 1
1
>>>
""", status=0)

# A missing file: status 2, no prompt.
s = Session(MT, args=["-i", "missing.mt"], cwd=home)
s.wait_exit()
s.check("mt: cannot open 'missing.mt': No such file or directory\n", status=2)
