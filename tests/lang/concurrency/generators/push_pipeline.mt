# TEST: push-style stages: each consumer is a coroutine looping on yield to receive values
#> sink got 10
#> sink got 30
#> sink got 50
#> sink closed after 3
def sink():
    let n = 0
    try:
        while true:
            let v = yield
            print("sink got", v)
            n += 1
    finally:
        print("sink closed after", n)
def times10(target):
    try:
        while true:
            let v = yield
            target.resume(v * 10)
    finally:
        target.close()
def odd_only(target):
    try:
        while true:
            let v = yield
            if v % 2 == 1:
                target.resume(v)
    finally:
        target.close()
let s = coroutine(sink)
s.resume()
let m = coroutine(times10, s)
m.resume()
let head = coroutine(odd_only, m)
head.resume()
for i in range(1, 6):
    head.resume(i)
head.close()
