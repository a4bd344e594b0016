# TEST: channel(n) buffers n values: sends up to n complete at once (no switch), the next one waits;
# a recv that can take a value does not switch either
#> sent 1
#> sent 2
#> receiver started
#> got 1
#> got 2
#> got 3
#> sent 3
let ch = channel(2)
def receiver():
    print("receiver started")
    for i in range(3):
        print("got", ch.recv())
spawn receiver()
ch.send(1)
print("sent 1")
ch.send(2)
print("sent 2")
ch.send(3)
print("sent 3")
