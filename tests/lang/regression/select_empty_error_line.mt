# TEST: regression: the compile error for a select without cases named the line after the statement; it points at the select keyword
# EXIT: 2
# STDERR: select_empty_error_line.mt:6:5: select needs at least one case
# STDERR:         select:
def f():
    select:
        default:
            pass

f()
