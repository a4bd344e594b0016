# TEST: inside (), [] and {} line breaks and indentation are ignored; outside, a newline ends the statement
#> 10
#> [1, 2] [3, 4]
let total = (1 +
  2 +
        3 +
4)
print(total)
print([1,
2], {"a": [3,
  4]}["a"])
