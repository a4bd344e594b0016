# TEST: many unreachable blocked threads are all collected; each cleanup runs exactly once
#> cleaned 500
let cleaned = 0
def worker():
    try:
        channel().recv()
    finally:
        cleaned += 1
for i in range(500):
    spawn worker()
sleep(0)
gc()
sleep(0.01)
gc()
sleep(0.01)
print("cleaned", cleaned)
