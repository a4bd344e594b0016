# TEST: shutdown kills the remaining threads in spawn order (not in the order they blocked)
#> main done
#> 4 blocks
#> 3 blocks
#> 2 blocks
#> 1 blocks
#> cleanup 1
#> cleanup 2
#> cleanup 3
#> cleanup 4
let chans = []
def waiter(n, ch):
    try:
        sleep((5 - n) * 0.004)
        print(n, "blocks")
        ch.recv()
    finally:
        print("cleanup", n)
for n in [1, 2, 3, 4]:
    let ch = channel()
    chans.append(ch)
    spawn waiter(n, ch)
print("main done")
