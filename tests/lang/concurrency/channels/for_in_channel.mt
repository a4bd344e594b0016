# TEST: for v in ch receives until the channel is closed (and drained)
#> 0
#> 1
#> 4
#> 9
#> loop ended
let ch = channel()
def producer():
    for i in range(4):
        ch.send(i * i)
    ch.close()
spawn producer()
for v in ch:
    print(v)
print("loop ended")
