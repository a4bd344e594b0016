# TEST: path.normalize collapses "//", "." and "x/.." without looking at the disk; abspath joins the working directory
#> "a//b/./c/" "a/b/c"
#> "/a/b/../../.." "/"
#> "../a/../.." "../.."
#> "./" "."
#> "" "."
#> "a/.." "."
#> "/./" "/"
#> "//a//b" "/a/b"
#> "a/b/../../c" "c"
#> "../../x" "../../x"
#> "/.." "/"
#> "x/./y/../z" "x/z"
#> true /a/b true
import os
import path
for p in ["a//b/./c/", "/a/b/../../..", "../a/../..", "./", "", "a/..", "/./", "//a//b", "a/b/../../c", "../../x", "/..", "x/./y/../z"]:
    print(repr(p), repr(path.normalize(p)))
print(path.abspath("x/../y") == os.cwd() + "/y", path.abspath("/a/./b"), path.abspath(".") == os.cwd())
