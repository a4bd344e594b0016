# TEST: a let in a while body is a fresh variable every iteration
#> 0 1 2
let fs = []
let i = 0
while i < 3:
    let j = i
    fs.append(fn(): j)
    i += 1
print(fs[0](), fs[1](), fs[2]())
