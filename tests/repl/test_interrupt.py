"""REPL: Ctrl-C while an entry spins in a loop raises Interrupt in it: its finally block
runs, the traceback is shown and the prompt comes back, while a thread spawned before is
still alive and its cleanup has not run. Ctrl-C at the prompt drops the line typed (it
never runs). An entry blocked on a channel waits for Ctrl-C too, with a note when no
thread at all could wake it."""
from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
s.line("def worker():")
s.line("    try:", "... ")
s.line("        sleep(1000)", "... ")
s.line("    finally:", "... ")
s.line('        print("worker cleanup")', "... ")
s.line("", "... ")
s.line("let w = spawn worker()")
s.line("try:")
s.line('    print("spinning")', "... ")
s.line("    while true: pass", "... ")
s.line("finally:", "... ")
s.line('    print("loop cleanup")', "... ")
s.line("", "... ")
s.expect("spinning\n")
s.send("\x03")
s.expect("Interrupt")
s.line("w.alive")
s.expect_prompt()
s.send("let dropped = 1")
s.expect_prompt(">>> let dropped = 1")
s.send("\x03")
s.line("dropped")
s.line("let ch = channel()")
s.line('print("waiting"); ch.recv()')
s.expect("waiting\n")
s.send("\x03")
s.expect("Interrupt")
s.line("w.alive")
s.line("w.kill()")
s.line('print("waiting"); ch.recv()')
s.expect("Ctrl-C interrupts it")
s.send("\x03")
s.expect("Interrupt")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> def worker():
...     try:
...         sleep(1000)
...     finally:
...         print("worker cleanup")
...
>>> let w = spawn worker()
>>> try:
...     print("spinning")
...     while true: pass
... finally:
...     print("loop cleanup")
...
spinning
^C
loop cleanup
Traceback (most recent call last):
  <stdin>:3, in <module>
    while true: pass
Interrupt: interrupted
>>> w.alive
true
>>> let dropped = 1^C
>>> dropped
Traceback (most recent call last):
  <stdin>:1, in <module>
    dropped
NameError: name 'dropped' is not defined
>>> let ch = channel()
>>> print("waiting"); ch.recv()
waiting
^C
Traceback (most recent call last):
  <stdin>:1, in <module>
    print("waiting"); ch.recv()
Interrupt: interrupted
>>> w.alive
true
>>> w.kill()
worker cleanup
>>> print("waiting"); ch.recv()
waiting
mt: the entry waits and no thread can wake it (Ctrl-C interrupts it)
^C
Traceback (most recent call last):
  <stdin>:1, in <module>
    print("waiting"); ch.recv()
Interrupt: interrupted
>>>
""", status=0)
