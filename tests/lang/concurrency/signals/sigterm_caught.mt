# TEST: SIGTERM raises SystemExit(143) in main: a handler naming SystemExit sees it (code 143)
# SIGNAL: TERM 1
#> ready
#> caught SystemExit 143
#> goes on
# EXIT: 0
try:
    print("ready")
    sleep(10)
except SystemExit as e:
    print("caught", type(e), e.code)
print("goes on")
