# TEST: encode(indent=n) puts each item on its own line (empty containers stay []/{}); sort_keys orders keys by code point; keywords
#> {
#>   "b": 1,
#>   "a": [
#>     1,
#>     [],
#>     {},
#>     {
#>       "y": 2,
#>       "x": [
#>         true
#>       ]
#>     }
#>   ],
#>   "é": "z",
#>   "B": null
#> }
#> {"B": null, "a": [1, [], {}, {"x": [true], "y": 2}], "b": 1, "é": "z"}
#> {
#> "B": null,
#> "a": [
#> 1,
#> [],
#> {},
#> {
#> "x": [
#> true
#> ],
#> "y": 2
#> }
#> ],
#> "b": 1,
#> "é": "z"
#> }
#> [
#>     1,
#>     2
#> ]
#> 5 [] {}
import json
let v = {"b": 1, "a": [1, [], {}, {"y": 2, "x": [true]}], "é": "z", "B": nil}
print(json.encode(v, indent=2))
print(json.encode(v, sort_keys=true))
print(json.encode(v, indent=0, sort_keys=true))
print(json.encode(v=[1, 2], indent=4))
print(json.encode(5, indent=2), json.encode([], indent=2), json.encode({}, 2))
