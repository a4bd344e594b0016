# TEST: character predicates are Unicode-aware
#> true true true
#> true true
print("héllo".isalpha(), "日本".isalpha(), "ПРИВЕТ".isupper())
print("σοφία".islower(), "١٢٣".isdigit())
