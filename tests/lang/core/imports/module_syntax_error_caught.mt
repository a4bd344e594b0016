# TEST: a SyntaxError from an imported module is an Error the importer can catch
#> caught
try:
    import _badsyntax
except Error as e:
    print("caught")
