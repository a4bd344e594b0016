# TEST: ThreadExit is raised at the suspension point the victim waits in: sleep, recv, send, join, yield, select
#> sleep: ThreadExit
#> recv: ThreadExit
#> send: ThreadExit
#> join: ThreadExit
#> yield: ThreadExit
#> select: ThreadExit
let never = channel()
let blocker = spawn (fn(): never.recv())()
def victim(kind):
    try:
        if kind == "sleep":
            sleep(10)
        elif kind == "recv":
            channel().recv()
        elif kind == "send":
            channel().send(1)
        elif kind == "join":
            blocker.join()
        elif kind == "yield":
            while true:
                yield
        elif kind == "select":
            let c = channel()
            select:
                case c.recv() as v:
                    print("no")
                case after(10):
                    print("no")
        print(kind + ": returned?")
    except ThreadExit as e:
        print(kind + ":", type(e))
        raise
for kind in ["sleep", "recv", "send", "join", "yield", "select"]:
    let t = spawn victim(kind)
    sleep(0)
    t.kill()
    t.join()
blocker.kill()
