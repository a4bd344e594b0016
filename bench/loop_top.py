# loop_top: loop.py written at module level, without the wrapping function: n, s and i
# are module globals. Same output as loop.
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000000
s = 0
for i in range(n):
    s += i
print(s)
