# TEST: SIGINT while main waits for input on a pipe: Interrupt is raised there at once, main's finally runs
# STDIN_CMD: sleep 5; echo late
# SIGNAL: INT 0.3
# TIMEOUT: 4
# EXIT: 130
# STDERR: Interrupt
#> main cleanup
try:
    input()
finally:
    print("main cleanup")
