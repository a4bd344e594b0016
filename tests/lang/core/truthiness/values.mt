# TEST: truthiness is Python's: nil, false, 0, 0.0, -0.0, "", [] and {} are false; every other value is true
#> falsy: FFFFFFFF
#> truthy: TTTTTTTTTTTTT
class Box:
    pass
def t(v):
    if v:
        return "T"
    return "F"
def row(xs):
    let out = ""
    for x in xs:
        out = out + t(x)
    return out
print("falsy:", row([nil, false, 0, 0.0, -0.0, "", [], {}]))
print("truthy:", row([true, 1, -1, 0.5, "0", " ", "false", [0], [[]], {"": 0}, fn(): 0, Box(), range(1)]))
