# TEST: a script-local is not an attribute of the main script's module: a module importing
# the main script (a cycle) sees its def and the lets used before, not script locals
#> from main: true false
#> hello
let shared = "s"
def used(): return shared
let private = 1
import _imports_main
print(_imports_main.check())
