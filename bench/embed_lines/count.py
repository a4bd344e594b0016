#!/usr/bin/env python3
"""Counts, for each C file given, its lines of C and its lines of embedded script.

One rule for every file:
  * Comments (/* */ and //) are removed, string and char literals respected.
  * C lines: the lines that are not blank after that, except the lines of the
    `script[] = ...;` initializer that hold nothing but string literals (those are the
    script's text). The declaration line `static const char script[] = ...` counts as C.
  * Script lines: the non-blank lines of the script's text (the initializer's literals
    concatenated and unescaped), whatever the C layout.
usage: count.py FILE.c ...
"""
import re
import sys

LIT = r'"(?:[^"\\\n]|\\.)*"'


def strip_comments(src):
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("/*", i):
            j = src.index("*/", i + 2) + 2
            out.append("\n" * src.count("\n", i, j))  # keep the line structure
            i = j
        elif src.startswith("//", i):
            i = src.find("\n", i)
            i = n if i < 0 else i
        elif c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i : j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def count(path):
    lines = strip_comments(open(path).read()).split("\n")
    c_lines, script_text, in_script = 0, "", False
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if re.search(r"\bscript\[\]\s*=", s):
            in_script = True
            c_lines += 1  # the declaration
            rest = s.split("=", 1)[1]
        elif in_script:
            rest = s
        else:
            c_lines += 1
            continue
        for lit in re.findall(LIT, rest):
            script_text += lit[1:-1].encode().decode("unicode_escape")
        if rest.rstrip().endswith(";"):
            in_script = False
    script_lines = sum(1 for l in script_text.split("\n") if l.strip())
    return c_lines, script_lines


if __name__ == "__main__":
    print(f"{'file':45} {'C':>5} {'script':>7}")
    for p in sys.argv[1:]:
        c, s = count(p)
        print(f"{p:45} {c:5} {s:7}")
