# TEST: SIGTERM while a killed thread holds its kill in a waiting cleanup: main gets SystemExit(143); the cleanup still finishes
# SIGNAL: TERM 0.5
# EXIT: 143
#> cleanup waits
#> main terminated: 143
#> cleanup ends
let hold = channel()
def worker():
    try:
        pass
    finally:
        print("cleanup waits")
        hold.recv()
        print("cleanup ends")
let t = spawn worker()
sleep(0)
t.kill()
try:
    sleep(10)
except SystemExit as e:
    print("main terminated:", e.code)
    hold.send(1)
    raise
