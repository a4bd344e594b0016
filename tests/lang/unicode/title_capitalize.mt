# TEST: title() capitalises each word (an apostrophe does not start a word), capitalize() the first character only; both use titlecase (ǆ -> ǅ, ß -> Ss)
#> Hello Wörld They're Bill's Friends ǅungla Ssa Fish And Fly X1Y 2Z 
#> Hello world ǅ Sstraße Élan 1abc 
print("hello wörld".title(), "they're bill's friends".title(), "ǆungla".title(), "ßa".title(), "ﬁsh and ﬂy".title(), "x1y 2z".title(), "".title())
print("hello WORLD".capitalize(), "ǆ".capitalize(), "ßtraße".capitalize(), "élan".capitalize(), "1abc".capitalize(), "".capitalize())
