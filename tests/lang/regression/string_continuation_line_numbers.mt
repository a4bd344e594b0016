# TEST: regression: a backslash-newline inside a string literal did not count the line, so every later error and traceback named the line before the real one
#> ab cd b"ef"
# EXIT: 1
# STDERR: string_continuation_line_numbers.mt:10, in <module>
# STDERR: NameError: name 'missing' is not defined
print("a\
b", """c\
d""", b"e\
f")
print(missing)
