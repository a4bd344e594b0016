# TEST: a traceback through an import shows the importer's frame and the module's own file and line
# EXIT: 1
# STDERR_RE: ^  traceback_module\.mt:6, in <module>$
# STDERR_RE: ^  _failing_module\.mt:3, in <module>$
# STDERR: ValueError: module failed
import _failing_module
