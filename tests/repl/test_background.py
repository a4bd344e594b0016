"""REPL: threads spawned at the prompt keep running while it waits for input. A thread
prints while a line is half typed (the cursor moved back into it): its output appears
above the prompt, and the prompt and the line, cursor included, are drawn again below it;
the thread's uncaught error is reported the same way. Each step of the thread waits for a
file the test creates, so nothing depends on timing. A thread that sleeps between its
lines prints them while the prompt waits."""
import os

from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
s.line("import os")
s.line("def ticker():")
s.line("    for i in range(3):", "... ")
s.line('        while not os.exists("tick" + str(i)): sleep(0.01)', "... ")
s.line('        print("tick", i)', "... ")
s.line('    raise ValueError("ticker done")', "... ")
s.line("", "... ")
s.line("let t = spawn ticker()")
s.expect_prompt()
s.send('print("still")')
s.expect_prompt('>>> print("still")')
s.send("\x1b[D\x1b[D")  # the cursor goes back two places, after "still
for i in range(3):
    open(os.path.join(s.dir, "tick%d" % i), "w").close()
    s.expect("tick %d" % i)
    if i < 2:
        s.expect_prompt('>>> print("still")', col=16)
s.expect("ValueError: ticker done")
s.expect_prompt('>>> print("still")', col=16)
s.send(" here")
s.expect_prompt('>>> print("still here")', col=21)
s.send("\r")
s.line("t.alive")
s.line("def beat():")
s.line("    for i in range(3):", "... ")
s.line("        sleep(0.2)", "... ")
s.line('        print("beat", i)', "... ")
s.line("", "... ")
s.line("spawn beat()")
s.expect("beat 2")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> import os
>>> def ticker():
...     for i in range(3):
...         while not os.exists("tick" + str(i)): sleep(0.01)
...         print("tick", i)
...     raise ValueError("ticker done")
...
>>> let t = spawn ticker()
tick 0
tick 1
tick 2
Error in thread 4 (spawned at <stdin>:1 in <module>):
Traceback (most recent call last):
  <stdin>:5, in ticker
    raise ValueError("ticker done")
ValueError: ticker done
>>> print("still here")
still here
>>> t.alive
false
>>> def beat():
...     for i in range(3):
...         sleep(0.2)
...         print("beat", i)
...
>>> spawn beat()
<thread 9>
beat 0
beat 1
beat 2
>>>
""", status=0)
