# TEST: try/except inside a loop handles each iteration's error independently
#> 0 ok
#> 1 err
#> 2 ok
#> 3 err
for i in range(4):
    try:
        if i % 2 == 1:
            raise ValueError("odd")
        print(i, "ok")
    except ValueError as e:
        print(i, "err")
