# TEST: a non-ASCII character in a bytes literal is a compile error (its bytes would depend on an encoding): nothing runs
# EXIT: 2
# STDERR: literal_non_ascii.mt:6:9: a bytes literal may hold only ASCII characters (write other bytes as \xHH)
print("WRONG ran")
let ok = b"\xc3\xa9"
let b = b"café"
