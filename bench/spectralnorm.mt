# spectralnorm: the benchmarks-game spectral-norm (float loops, calls, list
# indexing). Prints the norm times 1e9, rounded to an integer.
def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def mul_av(n, v, av):
    for i in range(n):
        let s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        av[i] = s

def mul_atv(n, v, atv):
    for i in range(n):
        let s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        atv[i] = s

def mul_atav(n, v, out, tmp):
    mul_av(n, v, tmp)
    mul_atv(n, tmp, out)

def rnd9(x):
    let y = x * 1000000000.0
    if y < 0:
        return -int(-y + 0.5)
    return int(y + 0.5)

def main(n):
    let u = []
    let v = []
    let tmp = []
    for i in range(n):
        u.append(1.0)
        v.append(0.0)
        tmp.append(0.0)
    for i in range(10):
        mul_atav(n, u, v, tmp)
        mul_atav(n, v, u, tmp)
    let vbv = 0.0
    let vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(rnd9((vbv / vv) ** 0.5))

let n = 500
if len(argv) > 1:
    n = int(argv[1])
main(n)
