# TEST: exit(n) exits with status n, stops the program, and runs pending finally blocks
#> in try
#> finally ran
# EXIT: 7
try:
    print("in try")
    exit(7)
    print("WRONG")
finally:
    print("finally ran")
print("WRONG after")
