# loop_top: loop.mt written at the module's top level, without the wrapping def: n and s
# are script locals (SPEC 5.2; the for variable is local to the loop's block). Same
# output as loop.
let n = 100000000
if len(argv) > 1:
    n = int(argv[1])
let s = 0
for i in range(n):
    s += i
print(s)
