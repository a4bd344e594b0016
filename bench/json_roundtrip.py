# json_roundtrip: a document of n records (ints, floats, strs, bools, None, nested dicts and lists)
# encoded to JSON text and decoded back, 10 times (json.dumps / json.loads).
# Prints the text's length, the sum of the decoded ids and 1 if the round trip is exact.
import json
import sys


def make_doc(n):
    records = []
    for i in range(n):
        records.append({"id": i, "name": "user" + str(i), "score": i * 0.25 + 0.1,
                        "active": i % 3 == 0, "manager": None if i % 5 else i - 1,
                        "tags": ["t" + str(i % 7), "group" + str(i % 11)],
                        "pos": {"x": i % 100, "y": (i * 31) % 1000, "z": [i % 2, i % 3]}})
    return {"version": 1, "records": records}


def main(n):
    doc = make_doc(n)
    text = ""
    back = None
    for k in range(10):
        text = json.dumps(doc, ensure_ascii=False)
        back = json.loads(text)
    total = 0
    for r in back["records"]:
        total += r["id"]
    print(len(text), total, 1 if back == doc else 0)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
