# TEST: a display that starts as a map needs key: value items to the end
# EXIT: 2
# STDERR_RE: ^syntax_map_then_member\.mt:5:17: expected ':' after map key, found '\}'$
print("WRONG: this must not run")
let s = {1: 2, 3}
