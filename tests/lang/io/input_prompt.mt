# TEST: input(prompt) writes the prompt to stdout (no newline) before reading
# STDIN: Ann
#> name? hello Ann
let n = input("name? ")
print("hello " + n)
