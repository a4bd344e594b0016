# TEST: with without `as` still calls enter and exit
#> enter
#> body
#> exit
class Res:
    def enter(self):
        print("enter")
    def exit(self, err):
        print("exit")
with Res():
    print("body")
