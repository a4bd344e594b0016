# TEST: del of an attribute is a compile error
# EXIT: 2
# STDERR: err_attribute.mt:8:7: cannot delete an attribute: 'del' removes an item
print("WRONG ran")
class P:
    pass
let p = P()
del p.x
