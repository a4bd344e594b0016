# TEST: Small ints at the ends of their range (|i| < 2^47, value.h): sums, differences,
# products, negation, compares and counting loops that cross the edge or zero box or
# unbox exactly; negative small ints compare, index and key maps as numbers.
#> 140737488355327 -140737488355328 140737488355328 -140737488355329 140737488355328 -140737488355327 281474976710655 -281474976710655
#> 140737488355328 140737488355327
#> 0 0 -1 -1 -1
#> true false true false true true false
#> -12 -140737488355328 -140737488355329 140737488355328
#> 140737488355325
#> 140737488355326
#> 140737488355327
#> 140737488355328
#> -3 true 3
#> -2 true 2
#> -1 true 1
#> 0 false 0
#> 1 false -1
#> 30 10 30
#> neg zero max neg
#> -4 1 -4 140737488355328 140737488355327
let M = 2 ** 47 - 1
let m = -(2 ** 47)
print(M, m, M + 1, m - 1, -m, -M, M - m, m - M)
let a = M
a += 1
print(a, a - 1)
let z = -1
z += 1
print(z, -1 + 1, 0 - 1, m + M, M + m)
print(m < M, M < m, -1 < 0, 0 < -1, m <= m, M > -1, -5 >= -4)
print(3 * -4, -(2 ** 24) * (2 ** 23), -(2 ** 24) * (2 ** 23) - 1, (2 ** 24) * (2 ** 23))
for i in range(M - 2, M + 2):
    print(i)
for i in range(-3, 2):
    print(i, i < 0, i * -1)
let xs = [10, 20, 30]
print(xs[-1], xs[-3], xs[2])
let d = {-1: "neg", 0: "zero", M: "max"}
print(d[-1], d[0], d[M], d[-1.0])
print(-7 // 2, -7 % 2, 7 // -2, abs(m), abs(M))
