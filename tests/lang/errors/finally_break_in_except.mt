# TEST: finally runs when break or continue leaves an except block
#> except 0
#> finally 0
#> except 1
#> finally 1
#> end
let i = 0
while true:
    try:
        raise ValueError("x")
    except ValueError as e:
        print("except", i)
        i += 1
        if i < 2:
            continue
        break
    finally:
        print("finally", i - 1)
print("end")
