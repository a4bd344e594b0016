# TEST: casefold() is full case folding for caseless comparison: ß and ẞ fold to ss, final and medial sigma agree, ligatures and İ expand
#> strasse ss fi 2 σασ σασ
#> true true false mixed
print("Straße".casefold(), "ẞ".casefold(), "ﬁ".casefold(), len("İ".casefold()), "ΣΑΣ".casefold(), "σας".casefold())
print("Straße".casefold() == "STRASSE".casefold(), "ΣΑΣ".casefold() == "σας".casefold(), "Straße".lower() == "strasse", "MiXeD".casefold())
