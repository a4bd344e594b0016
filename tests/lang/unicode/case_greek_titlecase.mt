# TEST: case mapping of Greek letters and titlecase digraphs; combining marks survive upper()
#> ω Ω
#> ǆ Ǆ
#> true 2
print("Ω".lower(), "ω".upper())
print("ǅ".lower(), "ǅ".upper())
let s = "e\u0301"
print(s.upper() == "E\u0301", len(s.upper()))
