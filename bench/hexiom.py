# bench/hexiom.py -- a Hexiom-style puzzle solver.  On a hexagonal board,
# every tile shows how many of its (up to six) neighbouring cells hold a
# tile; given the multiset of tiles, find every placement where all numbers
# are right.  Puzzles are made here from a deterministic random filling of
# the board (a linear congruential generator written here), then solved by
# backtracking with bound checks on every decided tile.
#
# Usage: tandem bench/hexiom.py [N]    (default N = 70)
# Solves N puzzles on a radius-2 board (19 cells) and N // 10 on a
# radius-3 board (37 cells); a quarter (radius 2) or 40 % (radius 3) of the
# cells are locked in their solved state, as in the original game.
# Prints one checksum line: "hexiom N solutions nodes checksum".
# Exercises recursion, lists of lists, tuples, dicts keyed by tuples,
# closures, early exits from nested loops.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 70
EMPTY = -1
UNDECIDED = -2


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


class HexBoard:
    def __init__(self, radius):
        cells = []
        for q in range(-radius, radius + 1):
            for r in range(-radius, radius + 1):
                if -radius <= q + r <= radius:
                    cells.append((q, r))
        self.cells = cells
        index = {}
        for i, c in enumerate(cells):
            index[c] = i
        dirs = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
        self.neighbors = []
        for (q, r) in cells:
            nbs = []
            for dq, dr in dirs:
                j = index.get((q + dq, r + dr))
                if j is not None:
                    nbs.append(j)
            self.neighbors.append(nbs)
        self.size = len(cells)


def make_puzzle(board, rng, percent, locked_percent):
    """A random filling.  Returns (fixed, counts): FIXED[i] is the state of a
    locked cell (EMPTY or the number its tile shows) or UNDECIDED; COUNTS are
    the free tiles (index = number shown)."""
    filled = [rng.below(100) < percent for _ in range(board.size)]
    counts = [0] * 7
    fixed = [UNDECIDED] * board.size
    for i in range(board.size):
        k = 0
        for j in board.neighbors[i]:
            if filled[j]:
                k += 1
        if rng.below(100) < locked_percent:
            fixed[i] = k if filled[i] else EMPTY
        elif filled[i]:
            counts[k] += 1
    return fixed, counts


def solve(board, fixed, counts):
    """(number of solutions, search nodes, checksum of the solutions)."""
    n = board.size
    neighbors = board.neighbors
    state = fixed[:]
    remaining = [sum(counts)]
    stats = [0, 0, 0]  # solutions, nodes, checksum

    def consistent(i):
        for j in [i] + neighbors[i]:
            v = state[j]
            if v < 0:
                continue
            occ = 0
            und = 0
            for k in neighbors[j]:
                s = state[k]
                if s == UNDECIDED:
                    und += 1
                elif s != EMPTY:
                    occ += 1
            if occ > v or occ + und < v:
                return False
        return True

    def search(i):
        stats[1] += 1
        if i == n:
            if remaining[0] == 0:
                stats[0] += 1
                h = 0
                for v in state:
                    h = (h * 8 + v + 1) % 1000000007
                stats[2] = (stats[2] + h) % 1000000007
            return
        if fixed[i] != UNDECIDED:
            search(i + 1)
            return
        cells_left = n - i
        if remaining[0] < cells_left:
            state[i] = EMPTY
            if consistent(i):
                search(i + 1)
        for v in range(len(neighbors[i]) + 1):
            if counts[v] == 0:
                continue
            counts[v] -= 1
            remaining[0] -= 1
            state[i] = v
            if consistent(i):
                search(i + 1)
            counts[v] += 1
            remaining[0] += 1
        state[i] = UNDECIDED

    search(0)
    return stats[0], stats[1], stats[2]


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    rng = Rng(2024)
    jobs = [(HexBoard(2), n, 25), (HexBoard(3), n // 10, 40)]
    solutions = 0
    nodes = 0
    checksum = 0
    for board, count, locked in jobs:
        for _ in range(count):
            fixed, counts = make_puzzle(board, rng, 55, locked)
            s, k, h = solve(board, fixed, counts)
            if s == 0:
                raise RuntimeError("a generated puzzle has no solution")
            solutions += s
            nodes += k
            checksum = (checksum * 31 + h) % 1000000007
    print("hexiom", n, solutions, nodes, checksum)


main()
