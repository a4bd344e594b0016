# TEST: input() returns a line without its newline, and nil at end of input; the prompt goes to stdout
# STDIN: first line
# STDIN: second
#> [first line]
#> > [second]
#> nil
print("[" + input() + "]")
print("[" + input("> ") + "]")
print(input())
