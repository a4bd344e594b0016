# TEST: findall lists whole matches, or the one group, or lists of groups; finditer yields Match objects lazily; empty matches follow Python 3.7+
#> ["1", "22", "333"] [["a", "1"], ["b", ""], ["c", "3"]] ["a", "b"] []
#> ["", "xx", "", ""] ["", "", "", ""] ["", "", "", ""] ["é", "É"]
#> [["one", [0, 3]], ["twö", [4, 7]], ["three", [8, 13]]]
#> MatchIterator [<Match>, <Match>] []
#> 50000000 []
import re
print(re.findall(r"\d+", "a1 b22 c333"), re.findall(r"(\w)=(\d)?", "a=1 b= c=3"), re.findall(r"(\w)\d", "a1 b2"), re.findall("x", "abc"))
print(re.findall(r"x*", "axxb"), re.findall(r"\b", "ab cd"), re.findall("", "héé"), re.findall(r"(?i)É", "éÉe"))
let spans = []
for m in re.finditer(r"\w+", "one twö three"):
    spans.append([m.group(), m.span()])
print(spans)
let it = re.compile(r"\d").finditer("a1b2")
print(type(it), list(it), list(it))
let total = 0
for m in re.finditer(r"é", "é" * 5000 + "x" + "é" * 5000):
    total += m.start()
print(total, list(re.finditer("z", "abc")))
