# TEST: upper/lower use full case mappings: ß -> SS, ligatures split, İ lowers to i + combining dot, ŉ and ǰ expand; lengths change accordingly
#> STRASSE 7 FIFL FF FFI ʼN J̌ Ϊ́ 2
#> i̇stanbul 2 ß àéîõü Ǆ ǆ
#> ST ԵՒ ΑΙ άέή ǄEMAL
#> ABC abc  123 !?
print("straße".upper(), len("straße".upper()), "ﬁﬂ ﬀ ﬃ".upper(), "ŉ ǰ ΐ".upper(), len("ǰ".upper()))
print("İstanbul".lower(), len("İ".lower()), "ẞ".lower(), "ÀÉÎÕÜ".lower(), "ǅ".upper(), "ǅ".lower())
print("ﬅ".upper(), "և".upper(), "ᾳ".upper(), "ΆΈΉ".lower(), "ǆemal".upper())
print("abc".upper(), "ABC".lower(), "".upper(), "123 !?".lower())
