"""REPL: TAB completion. A keyword (a space follows), a global (a function gets its
'('), a method after '.' on the live value, a module's member, a module name after
`import` (built in, or a NAME.mt file here), a second TAB listing the candidates (members by their names), and TAB
at the start of a continuation line indenting."""
import os

from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
with open(os.path.join(s.dir, "mymodule.mt"), "w") as f:
    f.write("let answer = 42\n")
s.line("let counter_value = 5")
s.line("def compute(v):")
s.expect_prompt("... ")
s.send("\t")
s.expect_prompt("...     ")
s.send("return v + 1\r")
s.line("", "... ")
s.expect_prompt()
s.send("counter_v\t")
s.expect_prompt(">>> counter_value")
s.send("\r")
s.expect_prompt()
s.send("comp\t")
s.expect_prompt(">>> compute(")
s.send("1)\r")
s.line("let xs = [3]")
s.expect_prompt()
s.send("xs.app\t")
s.expect_prompt(">>> xs.append(")
s.send("4)\r")
s.line("xs")
s.expect_prompt()
s.send("impo\t")
s.expect_prompt(">>> import ")
s.send("mat\t")
s.expect_prompt(">>> import math")
s.send("\r")
s.expect_prompt()
s.send("math.sq\t")
s.expect_prompt(">>> math.sqrt(")
s.send("16)\r")
s.expect_prompt()
s.send("import mymo\t")
s.expect_prompt(">>> import mymodule")
s.send("\r")
s.expect_prompt()
s.send("mymodule.an\t")
s.expect_prompt(">>> mymodule.answer")
s.send("\r")
s.expect_prompt()
s.send("xs.re\t")
s.expect_prompt(">>> xs.re")
s.send("\t")
s.expect("remove   reverse")
s.expect_prompt(">>> xs.re")
s.send("\x03")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> let counter_value = 5
>>> def compute(v):
...     return v + 1
...
>>> counter_value
5
>>> compute(1)
2
>>> let xs = [3]
>>> xs.append(4)
>>> xs
[3, 4]
>>> import math
>>> math.sqrt(16)
4.0
>>> import mymodule
>>> mymodule.answer
42
>>> xs.re
remove   reverse
>>> xs.re^C
>>>
""", status=0)
