# TEST: the `as` name is bound inside the except block and can be stored for later
#> kept
let saved = nil
try:
    raise ValueError("kept")
except ValueError as e:
    saved = e
print(saved.message)
