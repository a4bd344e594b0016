# json_roundtrip: a document of n records (ints, floats, strs, bools, nil, nested maps and lists)
# encoded to JSON text and decoded back, 10 times (json.encode / json.decode).
# Prints the text's length, the sum of the decoded ids and 1 if the round trip is exact.
import json

def make_doc(n):
    let records = []
    for i in range(n):
        records.append({"id": i, "name": "user" + str(i), "score": i * 0.25 + 0.1,
                        "active": i % 3 == 0, "manager": nil if i % 5 else i - 1,
                        "tags": ["t" + str(i % 7), "group" + str(i % 11)],
                        "pos": {"x": i % 100, "y": (i * 31) % 1000, "z": [i % 2, i % 3]}})
    return {"version": 1, "records": records}

def main(n):
    let doc = make_doc(n)
    let text = ""
    let back = nil
    for k in range(10):
        text = json.encode(doc)
        back = json.decode(text)
    let total = 0
    for r in back["records"]:
        total += r["id"]
    print(len(text), total, 1 if back == doc else 0)

let n = 20000
if len(argv) > 1:
    n = int(argv[1])
main(n)
