# TEST: a pipe opened in binary mode ("/dev/stdin", "rb") while another thread ticks: read(n) waits for n bytes (splitting a UTF-8 sequence is fine), readline and for give byte lines, b"" at the end
# STDIN_CMD: printf 'h\303\251'; sleep 0.3; printf 'llo\nw\303\266rld\n'; sleep 0.3; printf 'last'
#> b"h\xc3" b"\xa9llo\n"
#> b"w\xc3\xb6rld\n"
#> b"last"
#> b"" b""
#> ticked true
let ticks = 0
let done = false
def ticker():
    while not done:
        ticks += 1
        sleep(0.05)
let t = spawn ticker()
let f = open("/dev/stdin", "rb")
print(f.read(2), f.readline())
for line in f:
    print(line)
print(f.read(), f.readline())
done = true
t.join()
print("ticked", ticks > 5)
