# TEST: a def inside a function is local to that function
#> 7
#> NameError
def outer():
    def helper(n):
        return n + 2
    return helper(5)
print(outer())
try:
    helper(1)
except NameError as e:
    print("NameError")
