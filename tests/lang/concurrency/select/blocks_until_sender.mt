# TEST: select suspends the thread until a case becomes ready; the partner thread runs meanwhile
#> waiting
#> partner sends
#> partner done
#> got hi
let ch = channel()
def partner():
    print("partner sends")
    ch.send("hi")
    print("partner done")
spawn partner()
print("waiting")
select:
    case ch.recv() as v:
        print("got", v)
    case after(5):
        print("timeout")
