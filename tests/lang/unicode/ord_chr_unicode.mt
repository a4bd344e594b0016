# TEST: ord and chr handle multi-byte code points
#> 233 26085 128512
#> é日😀
print(ord("é"), ord("日"), ord("😀"))
print(chr(233) + chr(26085) + chr(128512))
