# TEST: the cleanup of a collected thread may block and talk to main
#> main waits for report
#> report: collected
let reports = channel()
def worker():
    try:
        channel().recv()
    finally:
        reports.send("collected")
spawn worker()
sleep(0)
gc()
print("main waits for report")
print("report:", reports.recv())
