# TEST: two modules that import each other both load; names are resolved at run time
#> B
#> A
import _cyc_a
print(_cyc_a.from_b())
print(_cyc_a._cyc_b.a_of())
