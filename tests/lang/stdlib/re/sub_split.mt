# TEST: sub/subn with a template (\1, \g<name>, \g<0>, escapes), count, empty matches; split with groups, maxsplit and empty matches
#> home at joe, work at ann a<11>b<22>
#> b-n-na ["b-n-n-", 3] -a-b--d- -é-
#> "a\n\t\\b" [a][] 70 abc
#> ["a", "b", "c"] ["a", ",", "b", ",", "c"] ["a", nil, "b"] ["a", "b,c"] ["", "ab", " ", "cd", ""]
#> [""] ["", "a", "", "b", ""] ["1", "2-3"] f0o ["f00", 2]
import re
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"), re.sub(r"(?P<d>\d)", r"<\g<d>\g<0>>", "a1b2"))
print(re.sub(r"a", "-", "banana", count=2), re.subn(r"a", "-", "banana"), re.sub(r"x*", "-", "abxd"), re.sub("", "-", "é"))
print(repr(re.sub(r",", r"\n\t\\", "a,b")), re.sub(r"(a)|b", r"[\1]", "ab"), re.sub(r"(\d)", r"\10", "7"), re.sub("q", r"\z", "abc"))
print(re.split(r"\s*,\s*", "a , b,c"), re.split(r"(,)", "a,b,c"), re.split(r"(x)|,", "a,b"), re.split(",", "a,b,c", maxsplit=1), re.split(r"\b", "ab cd"))
print(re.split("x", ""), re.split("x*", "axb"), re.compile(r"-").split("1-2-3", 1), re.compile(r"o").sub("0", "foo", count=1), re.compile(r"o").subn(s="foo", repl="0"))
