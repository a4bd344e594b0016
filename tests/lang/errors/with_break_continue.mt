# TEST: exit runs when break or continue leaves a with block in a loop
#> exit 0
#> exit 1
#> done
class Res:
    def init(self, i):
        self.i = i
    def enter(self):
        return self
    def exit(self, err):
        print("exit", self.i)
for i in range(5):
    with Res(i):
        if i == 0:
            continue
        break
print("done")
