# helper: imports _cyc_b, which imports this module back
let a_value = "A"
import _cyc_b
def from_b():
    return _cyc_b.b_value
