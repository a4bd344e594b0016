# A 3-stage pipeline over a text file, as generators: read lines -> split words ->
# count. argv: MB (the file is /tmp/mt-bench-words-MB.txt, made by bench/make_words), or a
# path as argv[2]. Prints lines, words, distinct words and the largest count.
import sys


def reader(path):
    with open(path) as f:
        for line in f:
            yield line


def splitter(lines):
    for line in lines:
        yield line.split()


def count(word_lists):
    counts = {}
    lines = 0
    words = 0
    for ws in word_lists:
        lines += 1
        words += len(ws)
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    most = 0
    for w in counts:
        if counts[w] > most:
            most = counts[w]
    print(lines, words, len(counts), most)


def main(path):
    count(splitter(reader(path)))


mb = sys.argv[1] if len(sys.argv) > 1 else "100"
main(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/mt-bench-words-{mb}.txt")
