# TEST: a relative path is relative to the current directory (the test's own directory)
#> first line of data
with open("_data.txt") as f:
    print(f.readline().strip())
