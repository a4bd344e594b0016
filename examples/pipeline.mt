# A filter pipeline: five stages, each a plain loop that pulls its input from one channel
# and pushes its output to the next. No stage is turned inside out into a callback;
# each runs in its own microthread and blocks only on its channels.
#
#   read lines -> split into words -> normalise -> drop stop words -> count
#
# Run: mt examples/pipeline.mt [file]   (default: examples/data/rime.txt)

def read_lines(path, out):
    with open(path) as f:
        for line in f:
            out.send(line)
    out.close()

def split_words(inp, out):
    for line in inp:
        for word in line.split():
            out.send(word)
    out.close()

def normalise(inp, out):
    for word in inp:
        let w = word.lower().strip(".,;:!?'\"—-")
        if w != "":
            out.send(w)
    out.close()

let STOP = {"the": true, "and": true, "a": true, "of": true, "he": true, "his": true,
            "is": true, "did": true, "with": true, "me": true, "him": true, "am": true}

def drop_stop_words(inp, out):
    for w in inp:
        if not (w in STOP):
            out.send(w)
    out.close()

def count(inp):
    let counts = {}
    for w in inp:
        counts[w] = counts.get(w, 0) + 1
    return counts

let path = argv[1] if len(argv) > 1 else "examples/data/rime.txt"
let lines = channel()
let words = channel()
let clean = channel(16)
let kept = channel(16)
spawn read_lines(path, lines)
spawn split_words(lines, words)
spawn normalise(words, clean)
spawn drop_stop_words(clean, kept)
let counter = spawn count(kept)

let counts = counter.join()
let top = sorted(counts.items(), key=fn(kv): -kv[1])
print("most frequent words in", path)
for pair in top[0:6]:
    let word = pair[0]
    let n = pair[1]
    print(f"  {word:<10} {n}")
