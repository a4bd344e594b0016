# TEST: a select with only an after case is a sleep; other threads run meanwhile
#> other ran
#> timer fired
spawn (fn(): print("other ran"))()
select:
    case after(0.01):
        print("timer fired")
