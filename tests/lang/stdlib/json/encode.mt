# TEST: json.encode of every JSON type: Python's separators, map order kept, UTF-8 kept, control characters escaped, shortest floats
#> {"b": [1, -2, 3.5, "x", true, false, null], "a": {}, "c": []}
#> "é😀 \"q\" \\ / \n\r\t\b\f \u0001\u001f" "" null true
#> 0.1 1e+20 1e-07 -0.0 2.0 0.3333333333333333 123456789.125
#> 9223372036854775807 -9223372036854775808 0 [[[]]]
#> {"k": {"k": {"k": [1, {"z": null}]}}}
import json
print(json.encode({"b": [1, -2, 3.5, "x", true, false, nil], "a": {}, "c": []}))
print(json.encode("é😀 \"q\" \\ / \n\r\t\b\f \x01\x1f\x7f"), json.encode(""), json.encode(nil), json.encode(true))
print(json.encode(0.1), json.encode(1e20), json.encode(1e-7), json.encode(-0.0), json.encode(2.0), json.encode(1/3), json.encode(123456789.125))
print(json.encode(9223372036854775807), json.encode(-9223372036854775807 - 1), json.encode(0), json.encode([[[]]]))
print(json.encode({"k": {"k": {"k": [1, {"z": nil}]}}}))
