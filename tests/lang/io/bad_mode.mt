# TEST: an unknown open mode raises ValueError
#> ValueError
try:
    open("/tmp/mt_h2_io_bad_mode.txt", "zz")
except ValueError as e:
    print("ValueError")
