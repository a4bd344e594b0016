# TEST: \x in a bytes literal needs exactly 2 hex digits
# EXIT: 2
# STDERR: literal_short_hex.mt:4:7: invalid \x escape: needs 2 hex digits
print(b"\x4g")
