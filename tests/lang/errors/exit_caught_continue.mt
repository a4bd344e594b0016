# TEST: a SystemExit caught by naming it (or Exit) does not end the program; the exit status is then 0; its message is the code
#> caught SystemExit 5
#> caught Exit
#> continuing
# EXIT: 0
try:
    exit(5)
except SystemExit as e:
    print("caught SystemExit", e.message)
try:
    exit(6)
except Exit as e:
    print("caught Exit")
print("continuing")
