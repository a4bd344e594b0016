# TEST: an error reported when its thread died is still re-raised by a later join; status 1 since an error was reported
#> later join got ValueError late
#> main done
# EXIT: 1
# STDERR: Error in thread 2
# STDERR: ValueError: late
def bad():
    raise ValueError("late")
let t = spawn bad()
sleep(0.005)
try:
    t.join()
except ValueError as e:
    print("later join got", type(e), e.message)
print("main done")
