# TEST: line breaks inside {} do not end the statement; trailing comma allowed; nested maps
#> {"a": 1, "b": {"c": [1, 2]}}
#> 2
let m = {
    "a": 1,
    "b": {
        "c": [1,
              2],
    },
}
print(m)
print(m["b"]["c"][1])
