# TEST: a \U escape is a compile error in a bytes literal
# EXIT: 2
# STDERR: literal_big_u_escape.mt:4:7: invalid escape '\U' in a bytes literal (write bytes as \xHH)
print(b"\U0001F600")
