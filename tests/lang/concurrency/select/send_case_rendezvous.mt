# TEST: a select send case completes a rendezvous with a receiver that arrives later
#> receiver got 42
#> select sent
let ch = channel()
def receiver():
    sleep(0.005)
    print("receiver got", ch.recv())
let t = spawn receiver()
select:
    case ch.send(42):
        print("select sent")
    case after(5):
        print("timeout")
t.join()
