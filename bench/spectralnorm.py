# spectralnorm: the benchmarks-game spectral-norm (float loops, calls, list
# indexing). Prints the norm times 1e9, rounded to an integer.
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(n, v, av):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        av[i] = s


def mul_atv(n, v, atv):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        atv[i] = s


def mul_atav(n, v, out, tmp):
    mul_av(n, v, tmp)
    mul_atv(n, tmp, out)


def rnd9(x):
    y = x * 1000000000.0
    if y < 0:
        return -int(-y + 0.5)
    return int(y + 0.5)


def main(n):
    u = []
    v = []
    tmp = []
    for i in range(n):
        u.append(1.0)
        v.append(0.0)
        tmp.append(0.0)
    for i in range(10):
        mul_atav(n, u, v, tmp)
        mul_atav(n, v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(rnd9((vbv / vv) ** 0.5))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
