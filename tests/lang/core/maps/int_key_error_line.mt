# TEST: a missing int key after the inline path found others raises KeyError at the line of
# the lookup, in the function that made it
# EXIT: 1
#> 2
#> 4
# STDERR: int_key_error_line.mt:17, in <module>
# STDERR: int_key_error_line.mt:10, in f
# STDERR: KeyError: 5
def f(m, k):
    return m[k]

let m = {}
for i in range(4):
    m[i] = i * 2
print(f(m, 1))
print(m[2])
print(f(m, 5))
