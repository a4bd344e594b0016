# TEST: center/ljust/rjust/zfill count code points and take one fill character; partition, rpartition, splitlines, rfind, rindex, expandtabs; their errors
#> [  abc  ] [*abc**] [ééabé] x
#> ab...    ab ··héllo toolong
#> 00042 -0042 +07 00é 00
#> ("a", "=", "b=c") ("a=b", "=", "c") ("abc", "", "") ("", "", "abc")
#> ["a", "b", "c", "d", "e"] ["a\n", "b\n"] [] [""]
#> 3 3 -1 4 3
#> "a       bc      d" "ab  c" "é x\n  y" "ab"
#> Hello World Hello 2 2
#> TypeError center() expected a fill character, but got a string of length 2
#> TypeError center() argument 1 must be an int, not str
#> ValueError substring not found
#> ValueError substring not found
#> ValueError partition(): empty separator
#> TypeError zfill() argument 1 must be an int, not float
#> TypeError ljust() expected a fill character, but got a string of length 0
print("[" + "abc".center(7) + "]", "[" + "abc".center(6, "*") + "]", "[" + "ab".center(5, "é") + "]", "x".center(0))
print("ab".ljust(5, "."), "ab".rjust(5), "héllo".rjust(7, "·"), "toolong".ljust(3))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "é".zfill(3), "".zfill(2))
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("a\nb\r\nc\rd\u2028e\n".splitlines(), "a\nb\n".splitlines(keepends=true), "".splitlines(), "\n".splitlines())
print("hello".rfind("l"), "héllo".rfind("l"), "abc".rfind("z"), "abab".rfind(""), "hello".rindex("l"))
print(repr("a\tbc\td".expandtabs()), repr("ab\tc".expandtabs(4)), repr("é\tx\n\ty".expandtabs(2)), repr("a\tb".expandtabs(0)))
print("hello world".title(), "HELLO".capitalize(), "abcabc".count("b"), "abc".index("c"))
for f in [fn(): "a".center(3, "ab"), fn(): "a".center("3"), fn(): "abc".index("z"), fn(): "abc".rindex("z"), fn(): "a".partition(""), fn(): "a".zfill(1.5), fn(): "a".ljust(3, "")]:
    try:
        f()
    except Error as e:
        print(type(e), e.message)
