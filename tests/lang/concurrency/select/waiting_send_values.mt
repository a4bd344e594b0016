# TEST: the values of waiting select send cases reach receivers whichever way they are taken: a rendezvous, a buffered channel refilled from the waiting sender, a select in a coroutine, choose(), the 64th case; a waiting `for` loop ends at close, a plain recv gets ChannelClosed
#> rendezvous got 11 (case 1)
#> buffered got 1 then 11 (case 1)
#> in coroutine got 33 coroutine yielded 0
#> choose got 44 choose returned [1, nil]
#> case 63 got 63 63
#> for loop ended after [5]
#> ChannelClosed recv on a closed channel
let quiet = channel()

# A select waits on two send cases; a receiver takes the second one's value.
def two_sends(a, b, done):
    select:
        case a.send(10):
            done.send(0)
        case b.send(11):
            done.send(1)
let a = channel()
let b = channel()
let done = channel()
spawn two_sends(a, b, done)
sleep(0)
print("rendezvous got", b.recv(), "(case " + str(done.recv()) + ")")

# A full buffered channel: the receiver takes the buffered value, and the waiting select
# sender's value moves into the buffer.
let full = channel(1)
full.send(1)
spawn two_sends(quiet, full, done)
sleep(0)
let first = full.recv()
print("buffered got", first, "then", full.recv(), "(case " + str(done.recv()) + ")")

# The select runs in a coroutine on the thread: its operands are on the coroutine's stack.
def gen(out):
    select:
        case quiet.send(0):
            pass
        case out.send(33):
            pass
    yield 0
def run_gen(out, done):
    let co = coroutine(gen, out)
    done.send(co.resume())
let c = channel()
spawn run_gen(c, done)
sleep(0)
let got = c.recv()
print("in coroutine got", got, "coroutine yielded", done.recv())

# choose() keeps its operands in its own block.
def chooser(out, done):
    done.send(choose([["send", quiet, 0], ["send", out, 44]]))
let d = channel()
spawn chooser(d, done)
sleep(0)
let v = d.recv()
print("choose got", v, "choose returned", done.recv())

# The last of 64 cases.
def many(last, done):
    let cases = []
    for i in range(63):
        cases.append(["recv", quiet])
    cases.append(["send", last, 63])
    done.send(choose(cases)[0])
let e = channel()
spawn many(e, done)
sleep(0)
print("case 63 got", e.recv(), done.recv())

# A `for` loop and a plain recv waiting when the channel closes.
def loop(inp, done):
    let seen = []
    for x in inp:
        seen.append(x)
    done.send(seen)
def plain(inp, done):
    try:
        inp.recv()
    except ChannelClosed as err:
        done.send(type(err) + " " + err.message)
let f = channel()
spawn loop(f, done)
sleep(0)
f.send(5)
sleep(0)
spawn plain(f, done)
sleep(0)
f.close()
print("for loop ended after", done.recv())
print(done.recv())
