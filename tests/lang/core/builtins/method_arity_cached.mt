# TEST: a builtin method called with the wrong number of arguments raises TypeError at every call from the same site, after calls that succeeded there too
#> appended 1 [1]
#> TypeError: append() takes 1 argument but 0 were given
#> appended 2 [1, 2]
#> TypeError: append() takes 1 argument but 0 were given
#> TypeError: append() takes 1 argument but 2 were given
#> TypeError: append() takes 1 argument but 2 were given
#> 7 9
#> AttributeError: 'str' object has no attribute 'pop'
#> 5
def call_append(xs, n):
    if n == 0:
        return xs.append()
    return xs.append(n)
def pop_at(x):
    return x.pop(0)
let xs = []
for n in [1, 0, 2, 0]:
    try:
        call_append(xs, n)
        print("appended", n, xs)
    except TypeError as e:
        print("TypeError:", e)
def appender(x):
    return x.append(1, 2)
for i in range(2):
    try:
        appender([])
    except TypeError as e:
        print("TypeError:", e)
print(pop_at([7, 8]), pop_at([9]))
try:
    pop_at("ab")
except AttributeError as e:
    print("AttributeError:", e)
print(pop_at([5]))
