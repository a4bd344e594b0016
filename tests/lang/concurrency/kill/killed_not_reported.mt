# TEST: a thread that dies of a kill is not reported as an error; the status stays 0
# NO_STDERR: yes
# EXIT: 0
#> cleanup
#> joined nil
def w():
    try:
        sleep(10)
    finally:
        print("cleanup")
let t = spawn w()
sleep(0)
t.kill()
print("joined", t.join())
