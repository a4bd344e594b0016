# TEST: yield and sleep(0) at the top of main with no other thread simply continue
#> 1
#> 2
#> 3
print(1)
yield
print(2)
sleep(0)
print(3)
