# TEST: dropping a 1,000,000-deep nested list and collecting it does not crash
# TIMEOUT: 30
#> ok
let x = nil
for i in range(1000000):
    x = [x]
x = nil
gc()
print("ok")
