# life: Conway's Game of Life on an unbounded grid, the live cells a dict keyed by (x, y)
# tuples. A random soup (a fixed LCG) of size x size cells, then `gens` generations: each
# counts the neighbours of every cell next to a live one in a dict, then keeps the cells
# with 3 neighbours, or 2 and alive. Prints the live count and a checksum of the cells.
import sys

OFFSETS = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)]


def soup(size):
    live = {}
    seed = 42
    for y in range(size):
        for x in range(size):
            seed = (seed * 75 + 74) % 65537
            if seed % 3 == 0:
                live[(x, y)] = True
    return live


def step(live):
    counts = {}
    for cell in live:
        x, y = cell
        for dx, dy in OFFSETS:
            k = (x + dx, y + dy)
            counts[k] = counts.get(k, 0) + 1
    nxt = {}
    for k in counts:
        n = counts[k]
        if n == 3 or (n == 2 and k in live):
            nxt[k] = True
    return nxt


def main(gens, size):
    live = soup(size)
    for _ in range(gens):
        live = step(live)
    total = 0
    for cell in live:
        x, y = cell
        total += (x + 1000) * 7919 + (y + 1000)
    print(len(live), total)


gens = int(sys.argv[1]) if len(sys.argv) > 1 else 300
size = int(sys.argv[2]) if len(sys.argv) > 2 else 64
main(gens, size)
