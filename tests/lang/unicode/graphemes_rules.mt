# TEST: grapheme clusters: Hangul L+V+T, CR LF, emoji + skin-tone modifier are one each; three regional indicators are two; empty string has none
#> 1 1 1 2 0 3
print(len("\u1100\u1161\u11A8".graphemes()), len("\r\n".graphemes()), len("👍🏽".graphemes()), len("🇫🇷🇩".graphemes()), len("".graphemes()), len("abc".graphemes()))
