# TEST: regression: a DeadlockError raised while a select waits named the line after the statement instead of the select line
# EXIT: 1
#> before
# STDERR: select_error_line_deadlock.mt:9, in <module>
# STDERR:     select:
# STDERR: main thread: waiting in select at select_error_line_deadlock.mt:9
let a = channel()
print("before")
select:
    case a.recv() as v:
        print("WRONG", v)


print("WRONG after")
