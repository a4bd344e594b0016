"""REPL: the banner, values shown with repr (nil shows nothing), `_`, `let` redefining a
name, a multi-line definition with the `... ` prompt, a syntax error with its caret that
keeps the session (and what was defined before it), a runtime error's traceback, a value
after output that did not end its line, and input() reading a line typed at the terminal
(no empty line after it)."""
from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
s.line("1 + 2")
s.line("_ * 10")
s.line('"a" + "b"')
s.line("nil")
s.line("let x = [1, 2]")
s.line("let x = x + [3]")
s.line("x")
s.line("def twice(v):")
s.line("    let r = v * 2", "... ")
s.line("    return r", "... ")
s.line("", "... ")
s.line("twice(21)")
s.line("_")
s.line("let y = = 2")
s.line("twice(x[0])")
s.line("[1,")
s.line(" 2]", "... ")
s.line("def f():")
s.line("", "... ")
s.line("twice(nil)")
s.line('stdout.write("abc")')
s.line("if x:")
s.line('    print("block")', "... ")
s.line("else:", "... ")
s.line('    print("other")', "... ")
s.line("", "... ")
s.line('input("name? ")')
s.expect_prompt("name? ")
s.send("Bob\r")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> 1 + 2
3
>>> _ * 10
30
>>> "a" + "b"
"ab"
>>> nil
>>> let x = [1, 2]
>>> let x = x + [3]
>>> x
[1, 2, 3]
>>> def twice(v):
...     let r = v * 2
...     return r
...
>>> twice(21)
42
>>> _
42
>>> let y = = 2
<stdin>:1:9: expected an expression, found '='
    let y = = 2
            ^
>>> twice(x[0])
2
>>> [1,
...  2]
[1, 2]
>>> def f():
...
<stdin>:1:9: expected an indented block
    def f():
            ^
>>> twice(nil)
Traceback (most recent call last):
  <stdin>:1, in <module>
    twice(nil)
  <stdin>:2, in twice
    let r = v * 2
TypeError: unsupported operand types for *: 'nil' and 'int'
>>> stdout.write("abc")
abc
3
>>> if x:
...     print("block")
... else:
...     print("other")
...
block
>>> input("name? ")
name? Bob
"Bob"
>>>
""", status=0)
