# helper: imported by _cyc_a
import _cyc_a
let b_value = "B"
def a_of():
    return _cyc_a.a_value
