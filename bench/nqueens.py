# bench/nqueens.py -- count the solutions of the N-queens problem twice: a
# recursive generator over sets of free columns/diagonals, and an explicit
# backtracking loop on lists.
#
# Usage: tandem bench/nqueens.py [N]    (default N = 11, the board size)
# Prints one checksum line: "nqueens N solutions checksum".
# Exercises generators with yield from, sets (add/discard/in), tuples,
# recursion, list indexing.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 11


def place(n, row, cols, diag1, diag2, queens):
    """Yield every solution (a tuple of column numbers) extending QUEENS."""
    if row == n:
        yield tuple(queens)
        return
    for c in range(n):
        if c in cols or (row + c) in diag1 or (row - c) in diag2:
            continue
        cols.add(c)
        diag1.add(row + c)
        diag2.add(row - c)
        queens.append(c)
        yield from place(n, row + 1, cols, diag1, diag2, queens)
        queens.pop()
        cols.discard(c)
        diag1.discard(row + c)
        diag2.discard(row - c)


def count_iterative(n):
    """Backtracking with an explicit column array; returns the solution count."""
    pos = [-1] * n
    row = 0
    count = 0
    while row >= 0:
        c = pos[row] + 1
        while c < n:
            ok = True
            for r in range(row):
                p = pos[r]
                if p == c or p - c == row - r or c - p == row - r:
                    ok = False
                    break
            if ok:
                break
            c += 1
        if c < n:
            pos[row] = c
            if row == n - 1:
                count += 1
            else:
                row += 1
                pos[row] = -1
        else:
            pos[row] = -1
            row -= 1
    return count


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    solutions = 0
    checksum = 0
    for sol in place(n, 0, set(), set(), set(), []):
        solutions += 1
        weight = 0
        for i, c in enumerate(sol):
            weight = weight * 31 + c * (i + 1)
        checksum = (checksum * 7 + weight) % 1000000007
    again = count_iterative(n)
    print("nqueens", n, solutions, again, checksum)


main()
