# TEST: for over a buffered channel closed with values still queued yields them all
#> a
#> b
#> c
#> end
let ch = channel(5)
for s in ["a", "b", "c"]:
    ch.send(s)
ch.close()
for v in ch:
    print(v)
print("end")
