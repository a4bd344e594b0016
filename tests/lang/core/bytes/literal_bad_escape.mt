# TEST: an unknown escape in a bytes literal is a compile error, as in a str
# EXIT: 2
# STDERR: literal_bad_escape.mt:4:10: invalid escape sequence '\q'
print(1, b"\q")
