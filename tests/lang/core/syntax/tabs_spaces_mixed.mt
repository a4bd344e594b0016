# TEST: inconsistent use of tabs and spaces in indentation is a compile error
# EXIT: 2
# STDERR_RE: ^tabs_spaces_mixed\.mt:7:1: 
print("WRONG ran")
if true:
    print(1)
	print(2)
