# strings: build n strings str(i) into a list and join them into one string
# (int->str conversion, small-string allocation, list append, join).
# Prints the joined length and the last piece.
def main(n):
    let parts = []
    for i in range(n):
        parts.append(str(i))
    let s = "".join(parts)
    print(len(s), parts[n - 1])

let n = 1000000
if len(argv) > 1:
    n = int(argv[1])
main(n)
