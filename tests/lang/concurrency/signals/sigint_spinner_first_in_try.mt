# TEST: SIGINT while a thread spins in a loop that is the first statement of its try: shutdown kills it at its safe point and its finally runs
# Bug: the saved pc was the loop's jump target and the handler lookup used the instruction before it, outside the try.
# SIGNAL: INT 0.5
# EXIT: 130
# STDERR: Interrupt
#> main waits
#> main finally
#> spinner finally
def spin():
    try:
        while true:
            pass
    finally:
        print("spinner finally")
spawn spin()
try:
    print("main waits")
    sleep(10)
finally:
    print("main finally")
