# TEST: a dedent to a level that was never opened is a compile error
# EXIT: 2
# STDERR_RE: bad_dedent\.mt:8:[0-9]+
print("WRONG ran")
if true:
        print("a")
        print("b")
    print("c")
