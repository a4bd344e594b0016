# TEST: reading a file with invalid UTF-8 raises a catchable Error naming the position (never a crash)
#> caught true
#> good line
#> caught on line 2 true
try:
    let f = open("_invalid_utf8.txt")
    let s = f.read()
    print("WRONG read", len(s))
except Error as e:
    print("caught", "byte" in e.message or "position" in e.message or "column" in e.message)
let f = open("_invalid_utf8.txt")
try:
    for line in f:
        print(line.strip())
except Error as e:
    print("caught on line 2", len(e.message) > 0)
f.close()
