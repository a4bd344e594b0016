# TEST: capital sigma lowers to final ς at the end of a word (after a cased letter, not before one, case-ignorable characters skipped), else σ
#> σας οδος οδος σ ας. ασ's σ ασα ας́ 1σ ας1
print("ΣΑΣ".lower(), "ΟΔΟΣ ΟΔΟΣ".lower(), "Σ".lower(), "ΑΣ.".lower(), "ΑΣ's".lower(), "Σ ΑΣΑ".lower(), "ΑΣ\u0301".lower(), "1Σ".lower(), "ΑΣ1".lower())
