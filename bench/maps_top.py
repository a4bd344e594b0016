# maps_top: maps.py written at module level, without the wrapping function: n, m, s and
# i are module globals. Same output as maps.
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
m = {}
for i in range(n):
    m[i * 7] = i
s = 0
for i in range(n):
    s += m[((i * 13) % n) * 7]
print(len(m), s)
