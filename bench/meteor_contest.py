# bench/meteor_contest.py -- the meteor puzzle: tile a 5 x 10 hexagonal board
# with ten different five-cell pieces.  Every placement of every piece in
# its 12 orientations is precomputed as a bit mask; a depth-first search
# always fills the lowest empty cell and prunes boards that leave an empty
# region whose size is not a multiple of five.
#
# Usage: tandem bench/meteor_contest.py [N]    (default N = 400)
# Stops after N solutions (the puzzle has 2098 in all).
# Prints one checksum line: "meteor_contest N found smallest largest", the
# smallest and largest solution strings (one piece digit per cell, row by
# row).
# Exercises int bit operations on masks up to 2**50, sets of ints, sorted,
# recursion, nested lists, str.join.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 400
WIDTH = 5
HEIGHT = 10
CELLS = WIDTH * HEIGHT
FULL = (1 << CELLS) - 1

E, NE, NW, W, SW, SE = 0, 1, 2, 3, 4, 5

PIECES = [
    [E, E, E, SE],
    [SE, SW, W, SW],
    [W, W, SW, SE],
    [E, E, SW, SE],
    [NW, W, NW, SE, SW],
    [E, E, NE, W],
    [NW, NE, NE, W],
    [NE, SE, E, NE],
    [SE, SE, E, SE],
    [E, NW, NW, NW],
]


def move(x, y, d):
    """The cell next to (x, y) in direction D; odd rows sit half a cell right."""
    if d == E:
        return x + 1, y
    if d == W:
        return x - 1, y
    odd = y & 1
    if d == NE:
        return x + odd, y - 1
    if d == NW:
        return x + odd - 1, y - 1
    if d == SE:
        return x + odd, y + 1
    return x + odd - 1, y + 1


def rotate(d):
    return (d + 1) % 6


def flip(d):
    return (6 - d) % 6


def orientations(path):
    result = []
    p = path
    for _ in range(6):
        result.append(p)
        result.append([flip(d) for d in p])
        p = [rotate(d) for d in p]
    return result


def placement(start, path):
    """The bit mask of PATH walked from cell START, or 0 if it leaves the board."""
    x = start % WIDTH
    y = start // WIDTH
    mask = 1 << start
    for d in path:
        x, y = move(x, y, d)
        if x < 0 or x >= WIDTH or y < 0 or y >= HEIGHT:
            return 0
        mask |= 1 << (y * WIDTH + x)
    return mask


def lowest_cell(mask):
    i = 0
    while not (mask >> i) & 1:
        i += 1
    return i


def build_tables():
    """TABLE[piece][cell]: sorted masks of that piece whose lowest cell is CELL."""
    table = []
    for path in PIECES:
        masks = set()
        for o in orientations(path):
            for start in range(CELLS):
                m = placement(start, o)
                if m:
                    masks.add(m)
        by_cell = [[] for _ in range(CELLS)]
        for m in sorted(masks):
            by_cell[lowest_cell(m)].append(m)
        table.append(by_cell)
    return table


def make_neighbors():
    result = []
    for c in range(CELLS):
        x = c % WIDTH
        y = c // WIDTH
        nbs = []
        for d in range(6):
            nx, ny = move(x, y, d)
            if 0 <= nx < WIDTH and 0 <= ny < HEIGHT:
                nbs.append(ny * WIDTH + nx)
        result.append(nbs)
    return result


NEIGHBORS = make_neighbors()


def regions_ok(board):
    """False if some empty region's size is not a multiple of 5."""
    seen = board
    for c in range(CELLS):
        if (seen >> c) & 1:
            continue
        size = 0
        stack = [c]
        seen |= 1 << c
        while stack:
            q = stack.pop()
            size += 1
            for nb in NEIGHBORS[q]:
                bit = 1 << nb
                if not seen & bit:
                    seen |= bit
                    stack.append(nb)
        if size % 5:
            return False
    return True


class Solver:
    def __init__(self, limit):
        self.table = build_tables()
        self.limit = limit
        self.found = 0
        self.smallest = None
        self.largest = None
        self.placed = []

    def record(self):
        cells = ["."] * CELLS
        for piece, mask in self.placed:
            for c in range(CELLS):
                if (mask >> c) & 1:
                    cells[c] = str(piece)
        s = "".join(cells)
        if self.smallest is None or s < self.smallest:
            self.smallest = s
        if self.largest is None or s > self.largest:
            self.largest = s
        self.found += 1

    def search(self, board, used):
        if board == FULL:
            self.record()
            return
        cell = lowest_cell(~board & FULL)
        for piece in range(len(PIECES)):
            if used & (1 << piece):
                continue
            for mask in self.table[piece][cell]:
                if board & mask:
                    continue
                nb = board | mask
                if not regions_ok(nb):
                    continue
                self.placed.append((piece, mask))
                self.search(nb, used | (1 << piece))
                self.placed.pop()
                if self.found >= self.limit:
                    return


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    s = Solver(n)
    s.search(0, 0)
    print("meteor_contest", n, s.found, s.smallest, s.largest)


main()
