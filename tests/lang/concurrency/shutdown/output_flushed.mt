# TEST: output written by threads and cleanup is flushed before the process ends, even on exit(n)
#> line 0
#> line 1
#> line 2
#> cleanup line
# EXIT: 2
def w():
    try:
        channel().recv()
    finally:
        print("cleanup line")
spawn w()
for i in range(3):
    print("line", i)
sleep(0)
exit(2)
