# kill: a blocked thread runs its finally and with exit; join of a killed thread is nil.
class Res:
    def init(self, name):
        self.name = name
    def enter(self):
        return self
    def exit(self, err):
        print("release", self.name)

let ch = channel()
def blocked(name):
    with Res(name):
        try:
            ch.recv()
        finally:
            print("finally", name)

let ts = []
for i in range(3):
    ts.append(spawn blocked("r" + str(i)))
yield
for t in ts:
    t.kill()
for t in ts:
    print(t.join(), t.alive)
def spinner():
    let i = 0
    while true:
        i += 1
        if i % 50 == 0:
            yield
let s = spawn spinner()
yield
s.kill()
print(s.join())
# A kill must stay a kill when there is no memory for its ThreadExit: a bare except
# never sees it.
def stubborn():
    try:
        try:
            ch.recv()
        except:
            print("swallowed")
    finally:
        print("stubborn cleanup")
let st = spawn stubborn()
yield
st.kill()
print(st.join())
