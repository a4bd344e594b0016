# TEST: split with no separator splits on runs of whitespace; with sep keeps empties; maxsplit; join
#> ["a", "b", "c"]
#> ["a", "b", "", "c"]
#> ["a", "b c d"]
#> a-b-c
#> 
#> x
print("  a  b\tc\n".split())
print("a,b,,c".split(","))
print("a b c d".split(" ", 1))
print("-".join(["a", "b", "c"]))
print("-".join([]))
print(", ".join(["x"]))
