# TEST: Match groups by number and name, groups()/groupdict() with defaults for groups that did not take part, start/end/span in code points (-1 when unmatched)
#> clé= clé= clé clé nil nil ["clé", "clé", "clé="]
#> ["clé", nil, nil, nil] ["clé", "", "", ""] {"key": "clé", "val": nil, "more": nil} {"key": "clé", "val": "-", "more": "-"}
#> 4 8 [4, 8] 4 7 [-1, -1] -1 -1
#> éé: clé= (?P<key>\w+)=(?P<val>\w+)?(;(?P<more>x))? [clé|clé|clé=]
#> [1, 3] [1, 2] [2, 3] 2 é😀
#> nil
#> IndexError no such group: 5
#> IndexError no such group: -1
#> IndexError no such group: "nope"
#> TypeError a group is an int or a str, not float
import re
let m = re.search(r"(?P<key>\w+)=(?P<val>\w+)?(;(?P<more>x))?", "éé: clé=")
print(m.group(), m.group(0), m.group(1), m.group("key"), m.group(2), m.group("val"), m.group(1, "key", 0))
print(m.groups(), m.groups(""), m.groupdict(), m.groupdict(default="-"))
print(m.start(), m.end(), m.span(), m.start("key"), m.end(1), m.span(2), m.start(4), m.end("more"))
print(m.string, m.re.pattern, m.expand(r"[\g<key>|\1|\g<0>]"))
let e = re.search(r"(é)(😀)?", "aé😀b")
print(e.span(), e.span(1), e.span(2), e.start(2), "aé😀b"[e.start():e.end()])
for bad in [3, 5, -1, "nope", 1.5]:
    try:
        print(m.group(bad))
    except Error as err:
        print(type(err), err.message)
