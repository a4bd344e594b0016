# A 3-stage pipeline over a text file: a reader thread sends the lines, a splitter thread
# sends each line's words, the main thread counts them; buffered channels between the
# stages. argv: MB (the file is /tmp/mt-bench-words-MB.txt, made by bench/make_words), or
# a path as argv[2]. Prints lines, words, distinct words and the largest count.

def reader(path, out):
    for line in open(path):
        out.send(line)
    out.close()

def splitter(inp, out):
    for line in inp:
        out.send(line.split())
    out.close()

def count(inp):
    let counts = {}
    let lines = 0
    let words = 0
    for ws in inp:
        lines += 1
        words += len(ws)
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    let most = 0
    for w in counts:
        if counts[w] > most:
            most = counts[w]
    print(lines, words, len(counts), most)

def main(path):
    let lines = channel(256)
    let words = channel(256)
    spawn reader(path, lines)
    spawn splitter(lines, words)
    count(words)

let mb = argv[1] if len(argv) > 1 else "100"
main(argv[2] if len(argv) > 2 else f"/tmp/mt-bench-words-{mb}.txt")
