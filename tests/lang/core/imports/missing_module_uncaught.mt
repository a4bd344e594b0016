# TEST: an uncaught ImportError exits 1 and names the module
# EXIT: 1
# STDERR: ImportError
# STDERR: no_such_module_xyz
import no_such_module_xyz
