# TEST: functions may call top-level functions and read globals defined later (looked up at run time)
#> 42
#> later
def first():
    return second() + offset
def second():
    return 40
let offset = 2
print(first())
def use_later():
    return LATER
let LATER = "later"
print(use_later())
