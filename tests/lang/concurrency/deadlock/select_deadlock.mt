# TEST: a select with only unreachable cases and no timer or default deadlocks in main
#> DeadlockError in select
let a = channel()
let b = channel()
try:
    select:
        case a.recv() as v:
            print("a")
        case b.send(1):
            print("b")
except DeadlockError:
    print("DeadlockError in select")
