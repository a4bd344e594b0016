# TEST: path.join takes any number of parts (an absolute part starts afresh); split gives [head, tail]; basename and dirname are its halves
#> a a/b/c a/b /abs/c x a/ dé/ü.txt
#> ["a/b", "c.txt"] ["", "c.txt"] ["/", "c"] ["/", ""] ["a/b", ""] ["a", "b"] ["//", "x"] ["", ""]
#> x.so "" /usr/lib "" / a
#> / true false false
import path
print(path.join("a"), path.join("a", "b", "c"), path.join("a/", "b"), path.join("a", "/abs", "c"), path.join("", "x"), path.join("a", ""), path.join("dé", "ü.txt"))
print(path.split("a/b/c.txt"), path.split("c.txt"), path.split("/c"), path.split("/"), path.split("a/b/"), path.split("a//b"), path.split("//x"), path.split(""))
print(path.basename("/usr/lib/x.so"), repr(path.basename("a/b/")), path.dirname("/usr/lib/x.so"), repr(path.dirname("x")), path.dirname("/x"), path.dirname("a///b"))
print(path.sep, path.isabs("/x"), path.isabs("x"), path.isabs(""))
