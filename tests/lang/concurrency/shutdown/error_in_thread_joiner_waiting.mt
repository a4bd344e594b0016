# TEST: an error in a thread that someone is already joining is not reported; the joiner gets it; status 0
# NO_STDERR: yes
#> joiner got ValueError v
#> main done
def bad():
    sleep(0.005)
    raise ValueError("v")
let t = spawn bad()
def joiner():
    try:
        t.join()
    except ValueError as e:
        print("joiner got", type(e), e.message)
let j = spawn joiner()
j.join()
print("main done")
