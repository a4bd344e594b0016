"""REPL: the history is kept between sessions in $MT_HISTORY, a multi-line entry as one
entry (Up recalls the whole definition, Enter runs it), an entry that repeats the last
one only once, and the file is cut back to the last 1000 entries when it has grown past
twice that. Without $MT_HISTORY it is ~/.mt_history."""
import os

from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
s.line("def greet(who):")
s.line('    return "hi " + who', "... ")
s.line("", "... ")
s.line("let n = 3")
s.line("let n = 3")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
with open(s.history) as f:
    saved = f.read()
if saved != 'def greet(who):\\n    return "hi " + who\nlet n = 3\n':
    s.fail("history file: %r" % saved)

# A second session in the same place: Up twice recalls the definition.
s = Session(MT, cwd=s.dir)
s.expect_prompt()
s.send("\x1b[A")
s.expect_prompt(">>> let n = 3")
s.send("\x1b[A")
s.expect_prompt('    return "hi " + who')
s.send("\r")
s.line('greet("you")')
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> def greet(who):
    return "hi " + who
>>> greet("you")
"hi you"
>>>
""", status=0)

# A history file past twice the limit is cut back to the last 1000 entries.
with open(s.history, "w") as f:
    for i in range(2001):
        f.write("let v%d = %d\n" % (i, i))
s = Session(MT, cwd=s.dir)
s.expect_prompt()
s.send("\x1b[A")
s.expect_prompt(">>> let v2000 = 2000")
s.send("\x03")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
with open(s.history) as f:
    lines = f.read().splitlines()
if len(lines) != 1000 or lines[0] != "let v1001 = 1001" or lines[-1] != "let v2000 = 2000":
    s.fail("history file after the cut: %d lines, %r ... %r" % (len(lines), lines[:1], lines[-1:]))

# Without $MT_HISTORY the history is ~/.mt_history.
s = Session(MT, cwd=s.dir, env={"MT_HISTORY": ""})
s.line("40 + 2")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
with open(os.path.join(s.dir, ".mt_history")) as f:
    if f.read() != "40 + 2\n":
        s.fail("~/.mt_history was not written")
