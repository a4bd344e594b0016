# TEST: without sets, {e for ...} is an error (map comprehensions need key: value)
# EXIT: 2
# STDERR: err_map_item.mt:5:4: expected ':' after map key, found 'for'
print("WRONG ran")
{x for x in y}
