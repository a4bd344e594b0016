# TEST: a receiver parks until a sender arrives; the send to a waiting receiver completes without switching
#> receiver waiting
#> main sending
#> main sent
#> receiver got x
let ch = channel()
def receiver():
    print("receiver waiting")
    print("receiver got", ch.recv())
let t = spawn receiver()
sleep(0)
print("main sending")
ch.send("x")
print("main sent")
t.join()
