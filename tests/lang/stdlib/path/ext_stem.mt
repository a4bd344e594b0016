# TEST: path.ext is the extension with its dot or ""; leading dots of a name are not an extension; stem is the name without it
#> "a/b.txt" ".txt" "b"
#> "archive.tar.gz" ".gz" "archive.tar"
#> ".bashrc" "" ".bashrc"
#> "..x" "" "..x"
#> "dir.d/file" "" "file"
#> "file." "." "file"
#> "a/.hidden.txt" ".txt" ".hidden"
#> "" "" ""
#> "/" "" ""
#> "naïve.café" ".café" "naïve"
import path
for p in ["a/b.txt", "archive.tar.gz", ".bashrc", "..x", "dir.d/file", "file.", "a/.hidden.txt", "", "/", "naïve.café"]:
    print(repr(p), repr(path.ext(p)), repr(path.stem(p)))
