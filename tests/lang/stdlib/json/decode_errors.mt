# TEST: every kind of malformed JSON is a ValueError naming what was expected and where (line, column in code points)
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a value at line 1, column 3
#> json.decode(): expected a value at line 1, column 4
#> json.decode(): expected ',' or ']' at line 1, column 4
#> json.decode(): expected ':' at line 1, column 6
#> json.decode(): expected a string key at line 1, column 2
#> json.decode(): expected a string key at line 1, column 9
#> json.decode(): expected ',' or '}' at line 1, column 8
#> json.decode(): expected a value at line 1, column 2
#> json.decode(): unterminated string at line 1, column 1
#> json.decode(): invalid escape at line 1, column 3
#> json.decode(): invalid \u escape at line 1, column 2
#> json.decode(): lone surrogate in \u escape at line 1, column 2
#> json.decode(): lone surrogate in \u escape at line 1, column 2
#> json.decode(): lone surrogate in \u escape at line 1, column 2
#> json.decode(): control character in string at line 1, column 5
#> json.decode(): extra data after the value at line 1, column 2
#> json.decode(): expected a digit after '.' at line 1, column 3
#> json.decode(): expected a digit after '.' at line 1, column 3
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a digit in the exponent at line 1, column 3
#> json.decode(): expected a digit in the exponent at line 1, column 4
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected ',' or ']' at line 1, column 7
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): extra data after the value at line 1, column 4
#> json.decode(): extra data after the value at line 1, column 3
#> json.decode(): integer does not fit 64 bits at line 1, column 1
#> json.decode(): integer does not fit 64 bits at line 1, column 1
#> json.decode(): number out of range at line 1, column 1
#> json.decode(): extra data after the value at line 1, column 6
#> json.decode(): expected a value at line 3, column 3
#> json.decode(): expected a value at line 1, column 7
#> json.decode(): expected a value at line 1, column 1
#> json.decode(): expected a value at line 2, column 2
#> json.decode(): nesting deeper than 1000 levels at line 1, column 1001
#> json.decode(): nesting deeper than 1000 levels at line 1, column 1001
#> 1
#> json.decode() argument 1 must be a str, not int
import json
def check(text):
    try:
        print(repr(json.decode(text)))
    except ValueError as e:
        print(e.message)
for text in ["", "  ", "[1,]", "[1 2]", "{\"a\" 1}", "{1: 2}", "{\"a\": 1,}", "{\"a\": 1", "[", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"tab\there\"", "01", "1.", "1.e5", "-", "+1", ".5", "1e", "1e+", "nul", "tru", "[true false]", "NaN", "Infinity", "[1]]", "1 2", "123456789012345678901", "-9223372036854775809", "1e400", "\"ok\" x", "[1,\n  2,\n  @]", "{\"é\": é}", "'single'", "[\"a\"\n,]"]:
    check(text)
check("[" * 1001 + "]" * 1001)
check("[" * 100000)
print(len(json.decode("[" * 1000 + "]" * 1000)))
try:
    json.decode(5)
except TypeError as e:
    print(e.message)
