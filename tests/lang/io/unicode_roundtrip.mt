# TEST: non-ASCII text written to a file reads back identically; len counts code points
#> true
#> 7
let path = "/tmp/mt_h2_io_unicode_roundtrip.txt"
let text = "日本é😀\nx\n"
with open(path, "w") as f:
    f.write(text)
with open(path) as f:
    let back = f.read()
    print(back == text)
    print(len(back))
