# TEST: threads still blocked when nothing can wake them are killed at program end, in spawn order; their cleanup runs; status 0
#> main done
#> cleanup recv
#> cleanup send
#> cleanup select
#> cleanup join
# NO_STDERR: yes
let never = channel()
let never2 = channel()
let first = nil
def waiter(kind):
    try:
        if kind == "recv":
            never.recv()
        elif kind == "send":
            never2.send(1)
        elif kind == "select":
            select:
                case never.recv() as v:
                    pass
        else:
            first.join()
    except:
        print("bare except must not catch ThreadExit")
    finally:
        print("cleanup", kind)
first = spawn waiter("recv")
spawn waiter("send")
spawn waiter("select")
spawn waiter("join")
print("main done")
