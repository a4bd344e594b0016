# TEST: readline returns each line with its "\n", the last line without one if unterminated, then "" at the end
#> "one\n"
#> "two\n"
#> "three"
#> ""
#> ""
let path = "/tmp/mt_h2_io_readline.txt"
with open(path, "w") as f:
    f.write("one\ntwo\nthree")
with open(path, "r") as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
