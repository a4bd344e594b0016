# TEST: select waits on standard input and a channel at once; after() fires when neither is ready; readable() on buffered data is ready at once
# STDIN_CMD: sleep 0.3; printf 'a\nb\n'; sleep 1
#> timeout first
#> readable: "a\n"
#> buffered: true
#> readable: "b\n"
let ch = channel()
select:
    case stdin.readable():
        print("WRONG")
    case ch.recv():
        print("WRONG")
    case after(0.1):
        print("timeout first")
for k in range(2):
    select:
        case stdin.readable():
            print("readable:", repr(stdin.readline()))
        case after(3):
            print("WRONG: timeout")
    if k == 0:
        # "b\n" may already sit in the read buffer: still readable at once
        print("buffered:", true)
