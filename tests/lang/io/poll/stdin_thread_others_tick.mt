# TEST: a thread reading standard input from a slow pipe suspends only itself: another thread keeps ticking
# STDIN_CMD: sleep 0.3; echo one; sleep 0.3; echo two
#> ["one", "two"]
#> ticked meanwhile: true
let state = {"done": false, "lines": []}
def reader():
    for line in stdin:
        state["lines"].append(line.rstrip("\n"))
    state["done"] = true
spawn reader()
let ticks = 0
while not state["done"]:
    sleep(0.02)
    ticks += 1
print(state["lines"])
print("ticked meanwhile:", ticks >= 10)
