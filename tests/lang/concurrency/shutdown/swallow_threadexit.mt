# TEST: during shutdown a thread that swallows ThreadExit gets it again at its next suspension point; that one no except matches
#> main done
#> swallowed once
#> outer finally
# NO_STDERR: yes
def stubborn():
    try:
        try:
            channel().recv()
        except ThreadExit:
            print("swallowed once")
        try:
            sleep(0.01)
            print("not reached")
        except ThreadExit:
            print("must not catch the re-delivered ThreadExit")
        print("not reached")
    finally:
        print("outer finally")
let keep = spawn stubborn()
print("main done")
