# Program end: threads blocked forever are killed in spawn order and their cleanup runs.
let never = channel()
def waiter(i):
    try:
        never.recv()
    finally:
        print("cleanup", i)

for i in range(4):
    spawn waiter(i)
def joiner(t):
    try:
        t.join()
    finally:
        print("joiner cleanup")
spawn joiner(spawn waiter(9))
print("main done")
