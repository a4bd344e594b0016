# TEST: a module with a syntax error raises SyntaxError at the import (exit 1 if uncaught), reporting the module's file:line:col
#> before
# EXIT: 1
# STDERR: SyntaxError
# STDERR_RE: _badsyntax\.mt:2:9
print("before")
import _badsyntax
print("WRONG")
