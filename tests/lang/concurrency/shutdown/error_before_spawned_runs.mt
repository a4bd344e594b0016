# TEST: an error in main right after spawn: the new thread never runs; status 1
#> main fails
# EXIT: 1
# STDERR: ValueError: early
def w():
    try:
        print("thread ran")
    finally:
        print("thread finally")
spawn w()
print("main fails")
raise ValueError("early")
