# TEST: width() counts terminal columns: 2 for East Asian wide and emoji, 0 for combining marks, joiners and control characters, one cluster for a flag or a ZWJ family
#> 3 6 8 1 2 2 2 2 1
#> 2 0 0 6 3 0
print("abc".width(), "日本語".width(), "ｗｉｄｅ".width(), "e\u0301".width(), "🇫🇷".width(), "👨‍👩‍👧".width(), "👍🏽".width(), "❤️".width(), "❤".width())
print("a\tb\n".width(), "\x00\x7f".width(), "".width(), "한국어".width(), "Ａ1".width(), "\u200b".width())
