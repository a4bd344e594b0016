# TEST: input() with empty stdin returns nil at once
#> nil
print(input())
