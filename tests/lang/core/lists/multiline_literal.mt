# TEST: line breaks inside [] do not end the statement; a trailing comma is allowed
#> [1, 2, 3, 4]
#> 10
let a = [
    1,
    2,
        3,
  4,
]
print(a)
print(sum([1,
    2, 3,
    4]))
