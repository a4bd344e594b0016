# TEST: pipeline stages run lazily and interleave item by item
#> src 1
#> double 1
#> sink 2
#> src 2
#> double 2
#> sink 4
#> src 3
#> double 3
#> sink 6
#> src end
#> double end
#> sink end
def src():
    for i in range(1, 4):
        print("src", i)
        yield i
    print("src end")
def double(inp):
    for v in inp:
        print("double", v)
        yield v * 2
    print("double end")
for v in coroutine(double, coroutine(src)):
    print("sink", v)
print("sink end")
