# TEST: a bad pattern is a ValueError (re.error) naming the position; catastrophic backtracking hits the match limit (ValueError) instead of hanging; bad arguments raise TypeError/ValueError
#> ValueError re: missing closing parenthesis at position 1 in pattern "("
#> ValueError re: unmatched closing parenthesis at position 1 in pattern "a)"
#> ValueError re: range out of order in character class at position 3 in pattern "[z-a]"
#> ValueError re: subpattern name must start with a non-digit at position 4 in pattern "(?P<1>x)"
#> ValueError re: \ at end of pattern at position 1 in pattern "\"
#> ValueError re: numbers out of order in {} quantifier at position 5 in pattern "x{2,1}"
#> ValueError re: lookbehind assertion is not fixed length at position 0 in pattern "(?<=a+)b"
#> ValueError re: missing closing parenthesis at position 2 in pattern "é("
#> ValueError re: quantifier does not follow a repeatable item at position 0 in pattern "*a"
#> true
#> ValueError re: pattern "(a+)+$" hit the match limit (it backtracks too much on this text)
#> TypeError re.compile() argument 1 must be a str or a Pattern, not int
#> ValueError re.compile(): unknown flags 0x400
#> TypeError re.compile() argument 2 must be an int, not str
#> TypeError re.search() argument 2 must be a str, not int
#> ValueError re.search(): cannot give flags with a compiled pattern
#> ValueError re: bad escape \q in replacement "\q"
#> ValueError re: invalid group reference in replacement "\5"
#> ValueError re: invalid group reference in replacement "\g<nope>"
#> ValueError re: missing group name in \g<...> in replacement "\g<x"
#> ValueError re.sub(): count must not be negative
#> ValueError re.split(): maxsplit must not be negative
#> TypeError search() takes 1 argument but 0 were given
#> TypeError split() argument 2 must be an int, not str
#> TypeError re.escape() argument 1 must be a str, not int
#> AttributeError 'nil' object has no attribute 'group'
import re
def check(f):
    try:
        print(f())
    except Error as e:
        print(type(e), e.message)
for p in ["(", "a)", "[z-a]", "(?P<1>x)", "\\", "x{2,1}", "(?<=a+)b", "é(", "*a"]:
    check(fn(): re.compile(p))
print(re.error == ValueError)
check(fn(): re.match(r"(a+)+$", "a" * 40 + "b"))
check(fn(): re.compile(5))
check(fn(): re.compile("a", flags=1024))
check(fn(): re.compile("a", "i"))
check(fn(): re.search("a", 5))
check(fn(): re.search(re.compile("a"), "a", re.I))
check(fn(): re.sub("a", r"\q", "a"))
check(fn(): re.sub("a", r"\5", "a"))
check(fn(): re.sub("a", r"\g<nope>", "a"))
check(fn(): re.sub("a", r"\g<x", "a"))
check(fn(): re.sub("a", "b", "a", count=-1))
check(fn(): re.split("a", "a", maxsplit=-1))
check(fn(): re.compile("a").search())
check(fn(): re.compile("a").split("a", "b"))
check(fn(): re.escape(1))
check(fn(): re.search("a", "b").group())
