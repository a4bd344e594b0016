# TEST: exit(n) right after spawn: the new thread is killed before it first runs, so it never runs
#> main exits
# EXIT: 2
# NO_STDERR: yes
def w():
    try:
        print("thread ran")
    finally:
        print("thread finally")
spawn w()
print("main exits")
exit(2)
