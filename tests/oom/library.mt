# The library modules: json, re, os, path, time, random and the Unicode str methods, whose
# temporary buffers, PCRE2 allocations and foreign objects must all come back on failure.
import json
import re
import os
import path
import time
import random
let doc = {"name": "Zoë", "list": [1, 2.5, nil, true, "x\n"], "nested": {"a": [[], {}]}}
let text = json.encode(doc, indent=1, sort_keys=true)
print(json.decode(text) == doc, len(json.encode(doc)))
try:
    json.decode("[1, 2,")
except ValueError as e:
    print(e.message)
let rx = re.compile(r"(?P<word>\w+)@(\d+)")
print(rx.search("mail joé@42 now").groupdict(), rx.findall("a@1 b@2"), rx.sub(r"<\2:\g<word>>", "a@1 b@2"))
for m in re.finditer(r"é+", "aéébé"):
    print(m.span())
print(re.split(r"\s*,\s*", "x , y,z"), re.sub(r"\d", fn(m): str(int(m.group()) + 1), "a1b2"))
print(path.join("a", "b", "../c"), path.normalize("a//b/./../c"), path.split("/x/y.txt"), path.ext("f.tar.gz"))
print(time.format(0, "%Y-%m-%d %H:%M:%S.%f", utc=true), time.parse("2024-06-15", "%Y-%m-%d", utc=true))
random.seed(3)
let xs = list(range(20))
random.shuffle(xs)
print(sorted(xs) == list(range(20)), len(random.sample(range(1000000), 5)))
print("straße".upper(), "ΟΔΟΣ".lower(), "Straße".casefold(), "they're".title(), "日本".width())
print(len(os.listdir(".")) > 0, os.getenv("MT_NOT_SET", "dflt"))
