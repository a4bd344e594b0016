# TEST: open("/dev/stdin") is a pipe here: reading it suspends only the reader; read() gives the rest
# STDIN_CMD: sleep 0.2; printf 'x\ny\n'
#> ticker ran: true
#> "x\ny\n"
let state = {"text": nil}
def reader():
    with open("/dev/stdin") as f:
        state["text"] = f.read()
spawn reader()
let ticks = 0
while state["text"] == nil:
    sleep(0.02)
    ticks += 1
print("ticker ran:", ticks >= 5)
print(repr(state["text"]))
