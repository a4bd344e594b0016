# TEST: NFKC and NFKD apply compatibility mappings (the fi ligature becomes "fi")
#> fi 2
#> true
print("ﬁ".normalize("NFKC"), len("ﬁ".normalize("NFKD")))
print("Å".normalize("NFD") == "A\u030a")
