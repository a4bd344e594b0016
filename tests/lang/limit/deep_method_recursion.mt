# TEST: deep recursion through methods and closures also hits RecursionError cleanly
# TIMEOUT: 60
#> RecursionError
class R:
    def go(self, n):
        let f = fn(k): self.go(k)
        return f(n + 1)
try:
    R().go(0)
except RecursionError as e:
    print("RecursionError")
