# TEST: a ready send case and a ready recv case are both chosen over many iterations
#> send chosen: true
#> recv chosen: true
let inbox = channel(1)
let outbox = channel(1)
let ns = 0
let nr = 0
for i in range(200):
    inbox.send(i)
    select:
        case inbox.recv() as v:
            nr += 1
        case outbox.send(i):
            ns += 1
            outbox.recv()
            inbox.recv()
print("send chosen:", ns > 0)
print("recv chosen:", nr > 0)
