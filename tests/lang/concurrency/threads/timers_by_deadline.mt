# TEST: sleeping threads wake in deadline order, regardless of spawn order
#> 10
#> 20
#> 30
#> 40
#> 50
def nap(ms):
    sleep(ms / 1000)
    print(ms)
for ms in [50, 20, 40, 10, 30]:
    spawn nap(ms)
