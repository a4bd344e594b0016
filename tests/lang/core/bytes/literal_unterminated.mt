# TEST: an unterminated bytes literal is a compile error
# EXIT: 2
# STDERR: literal_unterminated.mt:4:9: unterminated string
let x = b"abc
print("WRONG")
