# TEST: \u and \U escapes are compile errors in a bytes literal (bytes hold no code points; \xHH is a byte)
# EXIT: 2
# STDERR: literal_unicode_escape.mt:5:7: invalid escape '\u' in a bytes literal (write bytes as \xHH)
print("WRONG ran")
print(b"\u00e9")
