# Maps: insertion order, growth, deletion, keys of every kind, nested values.
let m = {}
for i in range(60):
    m["k" + str(i)] = [i, i * 2]
for i in range(0, 60, 3):
    m.pop("k" + str(i))
print(len(m), m["k1"], m.get("k3", "gone"))
let keys = []
for k in m:
    keys.append(k)
print(keys[:5])
let n = {1: "int", 1.5: "float", "s": "str", nil: "nil", true: "bool"}
print(n[1.0], n[1.5], n[nil], n[true])
print(repr({"a": {"b": [1, 2]}, "c": nil}))
let counts = {}
for w in "the cat and the hat and the bat".split(" "):
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.keys()))
