# TEST: exit("msg") whose SystemExit is caught prints nothing to stderr (the message is printed only if the program really exits)
#> caught
#> continuing
# NO_STDERR: yes
try:
    exit("bye")
except SystemExit as e:
    print("caught")
print("continuing")
