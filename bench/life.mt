# life: Conway's Game of Life on an unbounded grid, the live cells a map keyed by (x, y)
# tuples. A random soup (a fixed LCG) of size x size cells, then `gens` generations: each
# counts the neighbours of every cell next to a live one in a map, then keeps the cells
# with 3 neighbours, or 2 and alive. Prints the live count and a checksum of the cells.
let OFFSETS = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]

def soup(size):
    let live = {}
    let seed = 42
    for y in range(size):
        for x in range(size):
            seed = (seed * 75 + 74) % 65537
            if seed % 3 == 0:
                live[(x, y)] = true
    return live

def step(live):
    let counts = {}
    for cell in live:
        let x, y = cell
        for dx, dy in OFFSETS:
            let k = (x + dx, y + dy)
            counts[k] = counts.get(k, 0) + 1
    let next = {}
    for k in counts:
        let n = counts[k]
        if n == 3 or (n == 2 and k in live):
            next[k] = true
    return next

def main(gens, size):
    let live = soup(size)
    for g in range(gens):
        live = step(live)
    let sum = 0
    for cell in live:
        let x, y = cell
        sum += (x + 1000) * 7919 + (y + 1000)
    print(len(live), sum)

let gens = 300
let size = 64
if len(argv) > 1:
    gens = int(argv[1])
if len(argv) > 2:
    size = int(argv[2])
main(gens, size)
