# TEST: t.alive, t.id (main is thread 1, ids count up in spawn order) and current()
#> main id 1
#> ids 2 3
#> alive before run true
#> inside is handle true
#> inside alive true
#> alive after join false
def w():
    print("inside is handle", current() == t)
    print("inside alive", current().alive)
let t = spawn w()
let u = spawn (fn(): 0)()
print("main id", current().id)
print("ids", t.id, u.id)
print("alive before run", t.alive)
t.join()
print("alive after join", t.alive)
