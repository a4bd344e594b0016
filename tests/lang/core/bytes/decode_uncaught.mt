# TEST: an uncaught UnicodeError from decode() prints a traceback naming the class, the byte offset and the line
#> before
# EXIT: 1
# STDERR: decode_uncaught.mt:8, in <module>
# STDERR: UnicodeError: invalid UTF-8 at byte 3
let data = b"ok \xe9t\xe9"
print("before")
print(data.decode())
