# TEST: join re-raises the thread's Error in the joiner; an error whose thread is being joined is not reported
# NO_STDERR: yes
#> joining
#> caught KeyError missing
#> again KeyError missing
#> end
def bad():
    sleep(0.01)
    raise KeyError("missing")
let t = spawn bad()
print("joining")
try:
    t.join()
except KeyError as e:
    print("caught", type(e), e.message)
try:
    t.join()
except KeyError as e:
    print("again", type(e), e.message)
print("end")
