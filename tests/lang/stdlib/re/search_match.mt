# TEST: search finds the first match anywhere, match only at the start, fullmatch only the whole string; no match is nil; module functions take the pattern first
#> 555-1234 nil 1234 nil 555
#> [1, 4] nil ab nil [0, 0]
#> 1 héllo 1-2 true
#> Pattern Match (\d+)-(\d+) 2 0 {}
import re
let rx = re.compile(r"(\d+)-(\d+)")
print(rx.search("tel 555-1234 ok").group(), rx.match("tel 555-1234"), rx.match("555-1234 tel").group(2), rx.fullmatch("555-1234 tel"), rx.fullmatch("555-1234").group(1))
print(re.search(r"b+", "abbbc").span(), re.match(r"a", "ba"), re.fullmatch(r"a|ab", "ab").group(), re.search("x", ""), re.search("", "").span())
print(re.search(pattern=r"o", s="foo").start(), re.match(r"\w+", "héllo wörld").group(), re.search(rx, "1-2").group(), re.compile(rx) == rx)
print(type(rx), type(rx.search("1-2")), rx.pattern, rx.groups, rx.flags, rx.groupindex)
