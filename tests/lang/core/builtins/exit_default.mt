# TEST: exit() with no argument exits 0
#> a
# EXIT: 0
print("a")
exit()
print("WRONG")
