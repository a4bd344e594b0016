# TEST: open modes: r, w, a with an optional + and an optional b after the letter, in either order; anything else is a ValueError naming the mode
#> rb ok
#> wb ok
#> ab ok
#> r+b ok
#> rb+ ok
#> w+b ok
#> wb+ ok
#> a+b ok
#> ab+ ok
#> r ok
#> w+ ok
#> open(): invalid mode 'br' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'b' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'rbb' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'r+b+' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'rB' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'rt' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'r b' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode '' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode 'bw' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
#> open(): invalid mode '+rb' (use "r", "w" or "a", then "+" to also read or write, "b" for bytes)
let path = "/tmp/mt_bytes_io_modes.bin"
open(path, "w").close()
for mode in ["rb", "wb", "ab", "r+b", "rb+", "w+b", "wb+", "a+b", "ab+", "r", "w+"]:
    let f = open(path, mode)
    f.close()
    print(mode, "ok")
for mode in ["br", "b", "rbb", "r+b+", "rB", "rt", "r b", "", "bw", "+rb"]:
    try:
        open(path, mode)
        print(mode, "WRONG")
    except ValueError as e:
        print(e.message)
