# TEST: UTF-8 in strings and comments (ünïcödé) is fine; the file runs normally
#> ünïcödé ✓
# comment with ünïcödé and 日本語
print("ünïcödé ✓")
