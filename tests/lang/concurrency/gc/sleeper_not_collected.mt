# TEST: a sleeping thread is kept alive by its timer even if nothing references it
#> gc done
#> sleeper woke normally
def sleeper():
    try:
        sleep(0.02)
        print("sleeper woke normally")
    except ThreadExit:
        print("wrongly collected")
spawn sleeper()
sleep(0)
gc()
print("gc done")
