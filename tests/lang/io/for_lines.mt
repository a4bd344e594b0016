# TEST: for line in f yields lines with their newline, including empty lines
#> ["a\n", "\n", "c\n"]
let path = "/tmp/mt_h2_io_for_lines.txt"
with open(path, "w") as f:
    f.write("a\n\nc\n")
let lines = []
with open(path) as f:
    for line in f:
        lines.append(line)
print(lines)
