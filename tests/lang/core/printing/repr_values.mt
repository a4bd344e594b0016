# TEST: repr of scalars: numbers and nil/true/false as themselves; strings quoted
#> 1 2.0 nil true false "s"
#> "1"
print(repr(1), repr(2.0), repr(nil), repr(true), repr(false), repr("s"))
print(repr(str(1)))
