# TEST: a name used before its top-level let (a function defined earlier, or top-level code)
# stays a module global: forward references work and the NameError before the let is kept
#> name 'later' is not defined
#> defined later
#> 5
def show(): return later
try:
    show()
except NameError as e:
    print(e.message)
let later = "defined later"
print(show())
let k = 5
print(k)
