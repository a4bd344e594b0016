# TEST: and/or return one of their operands (like Python), not necessarily a bool
#> 0 2 1 default
#> nil [] x
print(0 and 1, 1 and 2, 1 or 2, "" or "default")
print(nil and 5, [] or [], "x" or nil)
