# TEST: a let inside a function or a nested block is local: not visible outside it
#> NameError fn
#> NameError block
def f():
    let local_only = 1
f()
try:
    print(local_only)
except NameError as e:
    print("NameError fn")
if true:
    let block_only = 2
try:
    print(block_only)
except NameError as e:
    print("NameError block")
