# TEST: sleep(0) and sleep(-1) behave as a top-level yield: the thread goes to the back of the queue
#> a 0
#> b 0
#> main
#> a 1
#> b 1
#> main 2
#> a 2
#> b 2
def w(name):
    for i in range(3):
        print(name, i)
        sleep(0)
spawn w("a")
spawn w("b")
sleep(0)
print("main")
sleep(-1)
print("main 2")
