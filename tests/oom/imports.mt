# import: a module next to this file, its globals and functions.
import _helper
print(_helper.greet("oom"), _helper.table[2])
import _helper
print(_helper.calls)
