# TEST: json.decode of every JSON type: ints stay ints, fractions and exponents make floats, escapes and surrogate pairs, whitespace, duplicate keys (last wins)
#> {"a": [1, -2, 3.5, "x", true, false, nil], "b": {}}
#> [100.0, 0.01, 0, -0.0, 0.5, 10, 12345678901234567]
#> int float float -9223372036854775808
#> "é😀\n\t\"\\/\x08\x0c\r\x00" 1
#> é😀 raw {"k": 2, "j": 3} [[[]], {"": {}}]
#> true 1.7976931348623157e+308 5e-324 true nil
import json
print(json.decode("{\"a\": [1, -2, 3.5, \"x\", true, false, null], \"b\": {}}"))
print(json.decode(" \t\n\r[1e2, 1E-2, -0, -0.0, 0.5, 10, 12345678901234567]\n "))
print(type(json.decode("1")), type(json.decode("1.0")), type(json.decode("1e0")), json.decode("-9223372036854775808"))
print(repr(json.decode("\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\b\\f\\r\\u0000\"")), len(json.decode("\"\\u0000\"")))
print(json.decode("\"é😀 raw\""), json.decode("{\"k\": 1, \"k\": 2, \"j\": 3}"), json.decode("[[[]], {\"\": {}}]"))
print(json.decode("0.1") == 0.1, json.decode("1.7976931348623157e308"), json.decode("5e-324"), json.decode("true"), json.decode("null"))
