"""REPL: help(x) shows a function's, method's or class's docstring (SPEC 5.8) in place of
the comment above its definition."""
from ptyrepl import Session, banner, mt_path

MT = mt_path()
s = Session(MT)
s.line("# Not this comment.")
s.line("def area(w, h):", "... ")
s.line('    "The area of a w by h rectangle."', "... ")
s.line("    return w * h", "... ")
s.line("", "... ")
s.line("help(area)")
s.line("class Shape:")
s.line('    "A shape."', "... ")
s.line("    def size(self):", "... ")
s.line('        "Its size."', "... ")
s.line("        return 0", "... ")
s.line("", "... ")
s.line("help(Shape)")
s.line("help(Shape().size)")
s.expect_prompt()
s.send("\x04")
s.wait_exit()
s.check(banner(MT) + """\
>>> # Not this comment.
... def area(w, h):
...     "The area of a w by h rectangle."
...     return w * h
...
>>> help(area)
area(w, h)
    The area of a w by h rectangle.
>>> class Shape:
...     "A shape."
...     def size(self):
...         "Its size."
...         return 0
...
>>> help(Shape)
Shape()
    A shape.
  methods: size
>>> help(Shape().size)
Shape.size(self)
    Its size.
>>>
""", status=0)
