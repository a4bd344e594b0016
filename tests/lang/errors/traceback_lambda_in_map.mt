# TEST: an error in a callback called by map shows the caller and the lambda frames (named <fn>), not library internals
# EXIT: 1
# STDERR_RE: ^  traceback_lambda_in_map\.mt:7, in <module>$
# STDERR_RE: ^  traceback_lambda_in_map\.mt:6, in <fn>$
# STDERR_RE: ^ZeroDivisionError
let f = fn(x): 1 // x
print(map(f, [1, 0]))
