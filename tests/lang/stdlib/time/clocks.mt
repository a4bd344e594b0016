# TEST: now() is float seconds since 1970; monotonic() never goes back; monotonic_ns() is an int; sleep is the builtin sleep
#> float true true
#> float true true int true
#> true
import time
let t = time.now()
print(type(t), t > 1.7e9, t < 4.2e9)
let a = time.monotonic()
let ns = time.monotonic_ns()
time.sleep(0.02)
let b = time.monotonic()
print(type(a), b - a >= 0.015, b - a < 5, type(ns), time.monotonic_ns() - ns >= 15000000)
print(time.sleep == sleep)
