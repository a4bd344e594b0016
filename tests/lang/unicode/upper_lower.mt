# TEST: upper and lower are correct for non-ASCII letters
#> HÉLLO ÀÇÑ ΣΟΦΊΑ ПРИВЕТ
#> héllo àçñ σοφία привет
print("héllo".upper(), "àçñ".upper(), "σοφία".upper(), "привет".upper())
print("HÉLLO".lower(), "ÀÇÑ".lower(), "ΣΟΦΊΑ".lower(), "ПРИВЕТ".lower())
