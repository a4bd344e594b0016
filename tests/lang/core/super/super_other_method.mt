# TEST: super.m may call a different base method than the one being defined; the base method's self calls are late-bound
#> base-helper sees sub
class A:
    def helper(self):
        return "base-helper sees " + self.kind()
    def kind(self):
        return "base"
class B(A):
    def kind(self):
        return "sub"
    def run(self):
        return super.helper()
print(B().run())
