# TEST: regression: exit("msg") printed msg to stderr at once, even though the SystemExit was then caught
# NO_STDERR: yes
#> ok
try:
    exit("bye")
except SystemExit as e:
    pass
print("ok")
