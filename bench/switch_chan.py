# switch_chan: two threads ping-pong a value, n round trips. Python has no
# channels; with greenlet the two "threads" are plain functions on greenlets,
# driven by the main greenlet (the "scheduler") that carries each value to the
# other side: four switches per round trip. Without greenlet the same
# driver runs two generators instead. Prints the final value (n).
import sys

try:
    from greenlet import greenlet, getcurrent
except ImportError:
    greenlet = None


def main_greenlet(n):
    sched = getcurrent()

    def ping():
        v = 0
        for i in range(n):
            v = sched.switch(v)     # send v, receive the reply
        return v

    def pong(v):
        while True:
            v = sched.switch(v + 1)  # reply to what was received

    gping = greenlet(ping)
    gpong = greenlet(pong)
    v = gping.switch()
    while not gping.dead:
        v = gpong.switch(v)
        v = gping.switch(v)
    return v


def main_generators(n):
    def ping():
        v = 0
        for i in range(n):
            v = yield v
        return v

    def pong():
        v = yield
        while True:
            v = yield v + 1

    gping = ping()
    gpong = pong()
    next(gpong)
    v = next(gping)
    try:
        while True:
            v = gpong.send(v)
            v = gping.send(v)
    except StopIteration as e:
        v = e.value
    return v


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
if greenlet is not None:
    print(main_greenlet(n))
else:
    print(main_generators(n))
