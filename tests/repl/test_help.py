"""REPL: help() shows the guide; help(x) a function's signature and the comment written
above its definition, a class's constructor and methods, a builtin's signature, a
module's members, a value's methods; threads() lists the live threads, what each waits
for and where."""
from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
s.line("# Adds b to a.")
s.line("# Both are numbers.", "... ")
s.line("def add(a, b = 0):", "... ")
s.line("    return a + b", "... ")
s.line("", "... ")
s.line("help(add)")
s.line("class Point:")
s.line("    def init(self, x, y):", "... ")
s.line("        self.x = x", "... ")
s.line("        self.y = y", "... ")
s.line("    def norm(self):", "... ")
s.line("        return self.x", "... ")
s.line("", "... ")
s.line("help(Point)")
s.line("help(Point(1, 2))")
s.line("help(sorted)")
s.line("help(len)")
s.line("import json")
s.line("help(json)")
s.line("help(5)")
s.line("let ch = channel()")
s.line("def worker():")
s.line("    return ch.recv()", "... ")
s.line("", "... ")
s.line("let w = spawn worker()")
s.line("let fresh = spawn worker(); threads()")
s.line("help()")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
version = banner(MT).split()[1]
s.check(banner(MT) + """\
>>> # Adds b to a.
... # Both are numbers.
... def add(a, b = 0):
...     return a + b
...
>>> help(add)
add(a, b = 0)
    Adds b to a.
    Both are numbers.
>>> class Point:
...     def init(self, x, y):
...         self.x = x
...         self.y = y
...     def norm(self):
...         return self.x
...
>>> help(Point)
Point(x, y)
  methods: init, norm
>>> help(Point(1, 2))
type Point: init, norm, x, y
>>> help(sorted)
sorted(xs, key=nil, reverse=false)
>>> help(len)
len(1 argument)
>>> import json
>>> help(json)
<module json>: decode, encode
>>> help(5)
type int (no methods or attributes)
>>> let ch = channel()
>>> def worker():
...     return ch.recv()
...
>>> let w = spawn worker()
>>> let fresh = spawn worker(); threads()
thread 14 (worker): recv at <stdin>:2 in worker
thread 15 (this entry): running at <stdin>:1 in <module>
thread 16 (worker): new
>>> help()
Mt %s at the prompt:
  help(x)      the signature of a function or class (and the comment above its
               definition), the members of a module, or the methods of a value
  threads()    the live threads: what each waits for and where
  _            the last value shown
  TAB          complete a keyword, a name, a module after import, a member after '.'
  Ctrl-C       interrupt the running entry (its finally blocks run; other threads go
               on); at the prompt, drop the line
  Ctrl-D       leave (so does exit()): every thread is stopped and its cleanup runs;
               a second Ctrl-C cuts the cleanup short
Threads spawned here keep running while the prompt waits; what they print appears
above it. A line ending in ':' opens a block, which an empty line ends.
>>>
""" % version, status=0)
