# TEST: # starts a comment anywhere outside a string; # inside a string is text
#> 1
#> a # not a comment
let x = 1   # trailing comment
# full-line comment
    # indented comment line does not affect blocks
print(x)
print("a # not a comment")
