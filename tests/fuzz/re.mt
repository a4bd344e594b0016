# TEST: re on random and malformed patterns, subjects and replacement templates: only ValueError (bad pattern, match limit, bad template) or IndexError (bad group) is ever raised, never a crash or a hang; match positions are consistent
#> unexpected 0
#> patterns 5000 true true true
# TIMEOUT: 60
import re
import random
random.seed(20261208)
let unexpected = 0
let compiled = 0
let bad_patterns = 0
let limits = 0
let pieces = ["a", "b", "é", "😀", ".", "*", "+", "?", "*?", "{2}", "{1,3}", "{,", "(", ")", "(?:", "(?P<n>", "(?P=n)", "(?=", "(?!", "(?<=a)", "[", "]", "[^", "-", "^", "$", "|", "\\", "\\d", "\\w", "\\s", "\\b", "\\1", "\\Z", "\\z", "\\p{L}", "\\x{41}", "\\u00e9", "(?i)", "(?x)", "#", " ", "\n", "\\Q", "\\E", "\\K", "(?R)", "(*FAIL)", "{", "}"]
let subjects = ["", "a", "aaaa", "ab" * 20, "é😀éa\nb", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "x" * 300, "The quick brown fox 123-456", "a\nb\nc"]

def check_match(m, s):
    let a = m.start()
    let b = m.end()
    if a < 0 or b < a or b > len(s) or s[a:b] != m.group():
        print("inconsistent match", repr(m.re.pattern), repr(s), a, b)
        unexpected += 1

def exercise(rx, s):
    let m = rx.search(s)
    if m != nil:
        check_match(m, s)
        m.groups()
        m.groupdict()
    rx.match(s)
    rx.fullmatch(s)
    for m2 in rx.finditer(s):
        check_match(m2, s)
    rx.findall(s)
    rx.split(s, maxsplit=random.randint(0, 3))
    let r = rx.subn("<\\g<0>>", s)
    if r[1] != len(rx.findall(s)):
        print("subn count differs", repr(rx.pattern), repr(s))
        unexpected += 1
    rx.sub(fn(m): "[" + m.group() + "]", s, count=random.randint(0, 2))

for i in range(5000):
    let parts = []
    for k in range(random.randint(1, 10)):
        parts.append(random.choice(pieces))
    let p = "".join(parts)
    let flags = random.choice([0, re.I, re.M | re.S, re.X, re.A, re.I | re.X])
    let rx = nil
    try:
        rx = re.compile(p, flags)
        compiled += 1
    except ValueError as e:
        bad_patterns += 1
        if not e.message.startswith("re: ") or " at position " not in e.message:
            print("bad message", repr(e.message))
            unexpected += 1
    except Error as e:
        print("unexpected compile error", type(e), repr(p))
        unexpected += 1
    if rx != nil:
        for s in [random.choice(subjects), random.choice(subjects) + random.choice(subjects)]:
            try:
                exercise(rx, s)
            except ValueError as e:
                limits += 1
            except Error as e:
                print("unexpected", type(e), e.message, repr(p), repr(s))
                unexpected += 1

# Catastrophic backtracking: each hits the match limit (ValueError) or finishes, quickly.
for p in [r"(a+)+$", r"(a|aa)+$", r"(a*)*b", r"(.*a){12}", r"^(\w+\s?)*$", r"(x+x+)+y"]:
    for s in ["a" * 30 + "b", "x" * 40, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"]:
        try:
            re.search(p, s)
        except ValueError as e:
            limits += 1

# Replacement templates with random escapes.
let tpl_pieces = ["\\", "\\1", "\\2", "\\g<0>", "\\g<n>", "\\g<", "\\g<99>", "\\n", "\\q", "x", "é", "\\\\", ">", "\\0"]
for i in range(1500):
    let parts = []
    for k in range(random.randint(0, 6)):
        parts.append(random.choice(tpl_pieces))
    try:
        re.sub(r"(?P<n>a)(b)?", "".join(parts), "xaby a")
    except ValueError as e:
        pass
    except Error as e:
        print("unexpected template error", type(e), repr("".join(parts)))
        unexpected += 1

print("unexpected", unexpected)
print("patterns", compiled + bad_patterns, compiled > 500, bad_patterns > 500, limits > 0)
