# TEST: ord gives the code point of a one-character string, chr the reverse
#> 97 65 10 233 128512
#> a A é 😀
#> true
print(ord("a"), ord("A"), ord("\n"), ord("é"), ord("😀"))
print(chr(97), chr(65), chr(233), chr(128512))
print(chr(ord("z")) == "z")
