# Strings: methods that build new text, Unicode case mapping and normalisation, repr.
let s = "Hello, wörld! " * 3
print(s.upper())
print(s.lower())
print(s.replace("l", "LL"))
print(s.replace("o", "", 2))
print("-".join(s.split(" ")))
print("ﬁ café".normalize("NFKC"), len("e\u0301".normalize("NFC")))
print("🇫🇷x".graphemes(), s[2:9], s.find("w"), s.count("l"))
print(repr("tab\there \"quoted\""), str([1, "a", {"k": nil}]))
let parts = []
for i in range(40):
    parts.append(str(i) + ":" + "ab" * (i % 5))
print(len("".join(parts)), parts[39])
print(s.strip().startswith("Hello"), "  x ".strip() + "|")
