# TEST: spawn does not switch: the spawner runs on until it suspends; the new thread goes to the back of the queue
#> main 1
#> main 2
#> main 3
#> A
#> B
#> main 4
def say(s):
    print(s)
spawn say("A")
print("main 1")
spawn say("B")
print("main 2")
let i = 0
while i < 1000:
    i += 1
print("main 3")
yield
print("main 4")
