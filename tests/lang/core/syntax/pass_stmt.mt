# TEST: pass is an empty statement usable as a whole block
#> done
def f():
    pass
class C:
    pass
if true:
    pass
for i in range(2):
    pass
f()
print("done")
