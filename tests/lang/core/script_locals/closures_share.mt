# TEST: a script's top-level let is a local (SPEC 5.2): functions defined after it read and
# assign the same variable, before and after the top level has finished (threads)
#> 1 2
#> 12
#> 14 14
#> worker sees 15
let count = 1
def bump(): count += 1
def get(): return count
print(get(), (bump(), count)[1])
count += 10
bump()
print(count - 1)
let f = fn(): count
bump()
print(f(), get())
def later():
    sleep(0.01)
    bump()
    print("worker sees", get())
spawn later()
