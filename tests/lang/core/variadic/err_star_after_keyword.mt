# TEST: *xs is positional: it may not follow a keyword argument
# EXIT: 2
# STDERR: err_star_after_keyword.mt:5:12: positional argument after keyword argument
print("WRONG ran")
print(k=1, *xs)
