# strings: build n strings str(i) into a list and join them into one string
# (int->str conversion, small-string allocation, list append, join).
# Prints the joined length and the last piece.
import sys


def main(n):
    parts = []
    for i in range(n):
        parts.append(str(i))
    s = "".join(parts)
    print(len(s), parts[n - 1])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000)
