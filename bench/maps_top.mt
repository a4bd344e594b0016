# maps_top: maps.mt written at the module's top level, without the wrapping def: n, m
# and s are script locals (SPEC 5.2; the for variables are local to their loops' blocks).
# Same output as maps.
let n = 1000000
if len(argv) > 1:
    n = int(argv[1])
let m = {}
for i in range(n):
    m[i * 7] = i
let s = 0
for i in range(n):
    s += m[((i * 13) % n) * 7]
print(len(m), s)
