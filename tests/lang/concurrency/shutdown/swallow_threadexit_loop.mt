# TEST: during shutdown a thread that swallows ThreadExit in a loop still ends: the re-delivered one is matched by no except
#> main done
#> swallowed
#> cleanup
def stubborn():
    try:
        while true:
            try:
                channel().recv()
            except ThreadExit:
                print("swallowed")
    finally:
        print("cleanup")
spawn stubborn()
print("main done")
