# TEST: closures made in a for loop each see their own loop variable
#> 0 1 2
#> 0 10 20
let fs = []
let gs = []
for i in range(3):
    fs.append(fn(): i)
    let j = i * 10
    gs.append(fn(): j)
print(fs[0](), fs[1](), fs[2]())
print(gs[0](), gs[1](), gs[2]())
