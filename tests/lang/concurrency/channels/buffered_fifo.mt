# TEST: a buffered channel delivers values in FIFO order, including nil and mixed types
#> 1
#> nil
#> two
#> [3]
let ch = channel(4)
ch.send(1)
ch.send(nil)
ch.send("two")
ch.send([3])
for i in range(4):
    print(ch.recv())
