# TEST: choose() selects over cases built at run time: recv, send, after, default; each kind's errors
#> [0, 5]
#> [1, nil]
#> sent: 7
#> [-1, nil]
#> [1, nil]
#> ValueError choose(): needs 1 to 64 cases, not 0
#> ValueError choose(): case 0 (send) needs 3 items, not 2
#> TypeError choose(): case 1 must be a list, not int
#> TypeError choose() argument 1 must be a list of cases, not str
#> TypeError select case recv() needs a channel, not nil
#> ChannelClosed recv on a closed channel
let a = channel(1)
let b = channel(1)
a.send(5)
print(choose([["recv", a], ["recv", b]]))
print(choose([["recv", b], ["send", b, 7]]))
print("sent:", b.recv())
print(choose([["recv", b]], default=true))
print(choose([["recv", b], ["after", 0.01]]))
def err(cases):
    try:
        choose(cases)
    except Error as e:
        print(type(e), e.message)
err([])
err([["send", a]])
err([["after", 1], 3])
err("recv")
err([["recv", nil]])
b.close()
err([["recv", b]])
