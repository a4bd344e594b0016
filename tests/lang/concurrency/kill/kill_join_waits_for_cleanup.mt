# TEST: join after kill waits until the victim's cleanup has completed
#> cleanup 0
#> cleanup 1
#> cleanup 2
#> join returned nil after cleanup
def worker():
    try:
        sleep(10)
    finally:
        for i in range(3):
            print("cleanup", i)
            sleep(0.005)
let t = spawn worker()
sleep(0)
t.kill()
let r = t.join()
print("join returned", r, "after cleanup")
