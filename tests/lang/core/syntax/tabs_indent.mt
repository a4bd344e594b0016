# TEST: tab-indented blocks work when used consistently
#> a
#> b
if true:
	print("a")
	if true:
		print("b")
