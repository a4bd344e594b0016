# TEST: a str literal followed by a bytes literal is a compile error
# EXIT: 2
# STDERR: literal_mix_str_first.mt:4:13: cannot mix str and bytes literals
let x = "a" b"b"
