# TEST: ints, floats, strings, bools and nil are keys; 1 and 1.0 are the same key
#> one one
#> {1: "uno", "1": "str", true: "t", nil: "n", 2.5: "f"}
#> 5
let m = {1: "one"}
print(m[1], m[1.0])
m[1.0] = "uno"
m["1"] = "str"
m[true] = "t"
m[nil] = "n"
m[2.5] = "f"
print(m)
print(len(m))
