# TEST: an error raised while a module loads propagates to the importer
#> caught module failed
try:
    import _errmod
except ValueError as e:
    print("caught", e.message)
