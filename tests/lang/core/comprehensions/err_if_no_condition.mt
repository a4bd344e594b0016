# TEST: a comprehension's if needs a condition
# EXIT: 2
# STDERR: err_if_no_condition.mt:5:20: expected an expression, found '}'
print("WRONG ran")
{x: 1 for x in y if}
