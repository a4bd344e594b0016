# f-strings: expressions, format specs, nested quotes, braces.
let name = "Mt"
let pi = 3.14159265
let xs = [1, 2, 3]
print(f"hello {name}, {len(xs)} items, sum {sum(xs)}")
print(f"{pi:.3f} {pi:10.2f}| {42:>6}|{42:<6}|{255:x} {7:03d}")
print(f"{{literal}} {xs[1] * 10} {'q' + name} {name.upper()}")
for i in range(5):
    print(f"row {i}: {'#' * i}{i / 2}")
print(f"{map(fn(x): x * x, xs)} {xs if len(xs) > 2 else nil}")
