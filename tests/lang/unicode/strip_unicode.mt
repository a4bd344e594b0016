# TEST: split and strip keep multi-byte characters intact
#> ["日本", "語"]
#> [é]
print("日本 語".split())
print("[" + "  é  ".strip() + "]")
