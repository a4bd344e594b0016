# TEST: a select with a default never suspends, so other threads do not run
#> default 0
#> default 1
#> default 2
#> other
let ch = channel()
spawn (fn(): print("other"))()
for i in range(3):
    select:
        case ch.recv() as v:
            print("got", v)
        default:
            print("default", i)
