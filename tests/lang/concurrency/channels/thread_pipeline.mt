# TEST: a filter pipeline of threads joined by channels; each stage is a plain loop
#> 1
#> 9
#> 25
#> 49
#> 81
#> stages done
def source(out, n):
    for i in range(1, n + 1):
        out.send(i)
    out.close()
def keep_odd(inp, out):
    for v in inp:
        if v % 2 == 1:
            out.send(v)
    out.close()
def square(inp, out):
    for v in inp:
        out.send(v * v)
    out.close()
let a = channel()
let b = channel()
let c = channel()
spawn source(a, 10)
spawn keep_odd(a, b)
spawn square(b, c)
for v in c:
    print(v)
print("stages done")
