# TEST: flags I, M, S, X (and long names), A for ASCII-only classes, inline flags; Unicode classes and case folding by default; \Z is the very end
#> 2 8 16 64 256 true 8 16 64 256
#> ["Straße"] ["É", "é"] ["a", "c"] ["a"]
#> ["a", "\n", "b"] ["a", "b"] ["ab"] ["a", "A"]
#> ["٣", "4"] ["4"] ["naïve", "café"] ["na", "ve"] [" "]
#> nil [0, 1] [0, 1]
#> 10
import re
print(re.I, re.M, re.S, re.X, re.A, re.IGNORECASE == re.I, re.MULTILINE, re.DOTALL, re.VERBOSE, re.ASCII)
print(re.findall("straße", "STRASSE Straße", re.I), re.findall("é", "ÉéE", flags=re.IGNORECASE), re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"^\w", "ab\ncd"))
print(re.findall(".", "a\nb", re.S), re.findall(".", "a\nb"), re.findall(r"(?x) a  b  # comment", "ab a b"), re.findall(r"(?i)A", "aA"))
print(re.findall(r"\d", "٣4"), re.findall(r"\d", "٣4", re.A), re.findall(r"\w+", "naïve café"), re.findall(r"\w+", "naïve", re.A), re.findall(r"\s", "a\u2003b"))
print(re.search(r"a\Z", "a\n"), re.search(r"a$", "a\n").span(), re.search(r"a\z", "a").span())
print(re.compile("a", re.I | re.M).flags)
