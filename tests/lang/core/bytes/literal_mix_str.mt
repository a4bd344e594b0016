# TEST: a bytes literal next to a str literal is a compile error (either order), not a concatenation
# EXIT: 2
# STDERR: literal_mix_str.mt:5:12: cannot mix str and bytes literals
print("WRONG ran")
print(b"a" "b")
