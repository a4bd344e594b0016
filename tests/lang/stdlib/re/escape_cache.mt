# TEST: escape makes any text match literally; module functions reuse compiled patterns (purge empties the cache) and the same pattern with other flags compiles again
#> 1\+1\=2\?\ \(yes\)\ \[a\-z\]\ \$5\.00\ \^\ \|\ \\\ ünï\ \*\ \{x\} true é_a1
#> true false 2
#> [1, 3]
#> [1, 3]
import re
let text = "1+1=2? (yes) [a-z] $5.00 ^ | \\ ünï * {x}"
print(re.escape(text), re.fullmatch(re.escape(text), text) != nil, re.escape("é_a1"))
print(re.compile("ab") == re.compile("ab"), re.compile("ab") == re.compile("ab", re.I), re.compile("ab", re.I).flags)
re.purge()
print(re.search("ab", "xab").span())
for i in range(600):
    re.search("p" + str(i), "p5")
print(re.search("p5", "xp5").span())
