# TEST: super calls take no spread arguments (as they take no keyword arguments)
# EXIT: 2
# STDERR: err_super_spread.mt:10:9: '*' and '**' arguments in a super call are not supported
print("WRONG ran")
class A:
    def m(self, *a):
        pass
class B(A):
    def m(self, *a):
        super.m(*a)
