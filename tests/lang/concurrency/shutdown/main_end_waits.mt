# TEST: when main's top level finishes, the program keeps running until every thread has finished
#> main done
#> worker 1
#> worker 2
#> worker 3 after sleep
# NO_STDERR: yes
def worker():
    print("worker 1")
    yield
    print("worker 2")
    sleep(0.02)
    print("worker 3 after sleep")
spawn worker()
print("main done")
