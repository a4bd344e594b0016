# TEST: Interrupt can be caught by a handler naming it; the program then goes on and exits 0
# SIGNAL: INT 1
#> waiting
#> caught Interrupt
#> goes on
# NO_STDERR: yes
try:
    print("waiting")
    sleep(10)
except Interrupt as e:
    print("caught", type(e))
print("goes on")
