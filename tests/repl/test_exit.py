"""REPL: leaving. Ctrl-D in a continuation ends the entry (it runs); Ctrl-D at the prompt
leaves after the cleanup of every live thread (status 0). exit(3) does the same with
status 3. A cleanup that hangs is cut short by a second Ctrl-C (status 130). exit() in a
background thread ends the session while the prompt waits. SIGTERM at the prompt ends it
too, after the cleanup (status 143)."""
import os
import signal

from ptyrepl import Session, banner, mt_path

MT = mt_path()
CLEANER = [
    ("def cleaner(name):", ">>> "),
    ("    try:", "... "),
    ("        sleep(1000)", "... "),
    ("    finally:", "... "),
    ('        print("cleanup of", name)', "... "),
    ("", "... "),
]
CLEANER_SCREEN = """\
>>> def cleaner(name):
...     try:
...         sleep(1000)
...     finally:
...         print("cleanup of", name)
...
"""

# Ctrl-D: cleanup, status 0.
s = Session(MT)
for text, prompt in CLEANER:
    s.line(text, prompt)
s.line('let a = spawn cleaner("a")')
s.line('let b = spawn cleaner("b")')
s.line("def one():")
s.line("    return 1", "... ")
s.expect_prompt("... ")
s.send("\x04")
s.line("one()")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + CLEANER_SCREEN + """\
>>> let a = spawn cleaner("a")
>>> let b = spawn cleaner("b")
>>> def one():
...     return 1
...
>>> one()
1
>>>
cleanup of a
cleanup of b
""", status=0)

# exit(3): cleanup, status 3.
s = Session(MT)
for text, prompt in CLEANER:
    s.line(text, prompt)
s.line('spawn cleaner("c")')
s.line("exit(3)")
s.wait_exit()
s.check(banner(MT) + CLEANER_SCREEN + """\
>>> spawn cleaner("c")
<thread 3>
>>> exit(3)
cleanup of c
""", status=3)

# A cleanup that never ends: the second Ctrl-C ends the session (130).
s = Session(MT)
s.line("def stubborn():")
s.line("    try:", "... ")
s.line("        sleep(1000)", "... ")
s.line("    finally:", "... ")
s.line('        print("cleaning forever")', "... ")
s.line("        while true: pass", "... ")
s.line("", "... ")
s.line("spawn stubborn()")
s.expect_prompt()
s.send("\x04")
s.expect("cleaning forever\n")
s.send("\x03")
s.wait_exit()
s.check(banner(MT) + """\
>>> def stubborn():
...     try:
...         sleep(1000)
...     finally:
...         print("cleaning forever")
...         while true: pass
...
>>> spawn stubborn()
<thread 3>
>>>
cleaning forever
^C
""", status=130)

# exit() in a thread while the prompt waits, a line half typed: the prompt and the line
# go away, the cleanup of the other threads runs, and no prompt comes back.
s = Session(MT)
for text, prompt in CLEANER:
    s.line(text, prompt)
s.line('spawn cleaner("e")')
s.line("import os")
s.line("def leaver():")
s.line('    while not os.exists("go"): sleep(0.01)', "... ")
s.line("    exit(5)", "... ")
s.line("", "... ")
s.line("spawn leaver()")
s.expect_prompt()
s.send("1 +")
s.expect_prompt(">>> 1 +")
open(os.path.join(s.dir, "go"), "w").close()
s.wait_exit()
s.check(banner(MT) + CLEANER_SCREEN + """\
>>> spawn cleaner("e")
<thread 3>
>>> import os
>>> def leaver():
...     while not os.exists("go"): sleep(0.01)
...     exit(5)
...
>>> spawn leaver()
<thread 7>
cleanup of e
""", status=5)

# SIGTERM while the prompt waits: SystemExit(143), the cleanup runs.
s = Session(MT)
for text, prompt in CLEANER:
    s.line(text, prompt)
s.line('spawn cleaner("d")')
s.expect_prompt()
os.kill(s.pid, signal.SIGTERM)
s.wait_exit()
s.check(banner(MT) + CLEANER_SCREEN + """\
>>> spawn cleaner("d")
<thread 3>
cleanup of d
""", status=143)
