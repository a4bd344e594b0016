# select: ready cases, default, timeouts, send cases.
let a = channel(1)
let b = channel(1)
a.send(1)
select:
    case a.recv() as v:
        print("a", v)
    case b.recv() as v:
        print("b", v)
select:
    case a.recv() as v:
        print("unexpected", v)
    default:
        print("nothing ready")
select:
    case b.send(5):
        print("sent")
print(b.recv())
let done = channel()
def late():
    sleep(0.001)
    done.send("late")
spawn late()
let n = 0
while n < 100000:
    select:
        case done.recv() as v:
            print(v)
            break
        case after(0.0005):
            n += 1
print(n >= 0)
let never = channel()
def selector():
    try:
        select:
            case never.recv() as v:
                print("never", v)
    finally:
        print("selector cleanup")
spawn selector()
# A waiting select with three channel cases (its links in a block), and choose().
let p = channel()
let q = channel()
let r = channel()
def three():
    select:
        case p.recv() as v:
            print("p", v)
        case q.recv() as v:
            print("q", v)
        case r.send(3):
            print("r sent")
spawn three()
sleep(0)
print(r.recv())
def chooser():
    print(choose([["recv", p], ["send", q, 4]]))
spawn chooser()
sleep(0)
print(q.recv())
sleep(0)
