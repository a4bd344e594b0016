# park: what a blocked thread costs in memory. Spawns n threads that all block
# (argv[1]: "chan" = each waits in ch.recv() on one shared channel, "sleep" =
# each sleeps, "select" = each waits in a two-case select), lets them all run
# up to that point, and ends with exit(0), which kills them (SPEC 10).
# Bytes per thread = (max RSS with n threads - max RSS with 0) / n, e.g.
#   /usr/bin/time -f %M build/mt bench/park.mt chan 1000000   (KB)
#   /usr/bin/time -f %M build/mt bench/park.mt chan 0
# (SPEC 8.9). Prints n.
def on_chan(ch):
    ch.recv()

def sleeping():
    sleep(1000000)

def selecting(a, b):
    select:
        case a.recv() as v:
            pass
        case b.recv() as v:
            pass

let kind = "chan"
let n = 1000000
if len(argv) > 1:
    kind = argv[1]
if len(argv) > 2:
    n = int(argv[2])
let a = channel()
let b = channel()
if kind == "chan":
    for i in range(n):
        spawn on_chan(a)
elif kind == "sleep":
    for i in range(n):
        spawn sleeping()
else:
    for i in range(n):
        spawn selecting(a, b)
sleep(0)
print(n)
exit(0)
