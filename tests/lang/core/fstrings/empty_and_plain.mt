# TEST: an f-string with no placeholders is the plain text; empty f-string is ""
#> plain text
#> []
print(f"plain text")
print("[" + f"" + "]")
