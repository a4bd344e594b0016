# TEST: killing many sleeping threads: each cleanup runs exactly once, in the order the victims are queued
#> cleanup 0
#> cleanup 1
#> cleanup 2
#> cleanup 3
#> cleanup 4
#> all joined
let ts = []
def w(i):
    try:
        sleep(10)
    finally:
        print("cleanup", i)
for i in range(5):
    ts.append(spawn w(i))
sleep(0)
for t in ts:
    t.kill()
for t in ts:
    t.join()
print("all joined")
