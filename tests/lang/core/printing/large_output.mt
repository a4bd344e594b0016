# TEST: many print calls all reach stdout in order (buffers are flushed at exit)
#> 0
#> 9999
#> 10000
let last = 0
for i in range(10000):
    last = i
print(0)
print(last)
let s = "x" * 10000
print(len(s))
