# TEST: argv[0] is the script path, then the command-line arguments as strings
# ARGS: one "two words" 3
#> argv.mt
#> ["one", "two words", "3"]
#> 4
print(argv[0])
print(argv[1:])
print(len(argv))
