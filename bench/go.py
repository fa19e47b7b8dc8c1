# bench/go.py -- Monte Carlo Go on a 9x9 board: legal-move checks with group
# and liberty flood fills, captures, simple ko, eye detection, random
# playouts to the end and area scoring; a flat Monte Carlo player picks
# moves by the win rate of playouts after each candidate.  Randomness comes
# from a linear congruential generator written here.
#
# Usage: tandem bench/go.py [N]    (default N = 300)
# Runs N // 5 plain random playouts from the empty board, then plays N // 10
# Monte Carlo moves (each evaluating 3 candidates with 2 playouts).
# Prints one checksum line: "go N black_wins total_score captures moves chosen".
# Exercises classes, lists as boards, sets for membership, list copies,
# while loops, int arithmetic, method calls.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 300
SIZE = 9
EMPTY = 0
BLACK = 1
WHITE = 2
KOMI = 7
MAX_MOVES = 3 * SIZE * SIZE


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def make_neighbors(size):
    result = []
    for y in range(size):
        for x in range(size):
            nbs = []
            if x > 0:
                nbs.append(y * size + x - 1)
            if x < size - 1:
                nbs.append(y * size + x + 1)
            if y > 0:
                nbs.append((y - 1) * size + x)
            if y < size - 1:
                nbs.append((y + 1) * size + x)
            result.append(nbs)
    return result


NEIGHBORS = make_neighbors(SIZE)


class Board:
    def __init__(self):
        self.color = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.captures = 0
        self.moves = 0

    def copy(self):
        b = Board()
        b.color = self.color[:]
        b.ko = self.ko
        return b

    def group(self, p):
        """(stones, liberty count) of the group at P."""
        color = self.color
        col = color[p]
        stones = [p]
        seen = {p}
        libs = set()
        i = 0
        while i < len(stones):
            q = stones[i]
            i += 1
            for nb in NEIGHBORS[q]:
                c = color[nb]
                if c == EMPTY:
                    libs.add(nb)
                elif c == col and nb not in seen:
                    seen.add(nb)
                    stones.append(nb)
        return stones, len(libs)

    def legal(self, p, col):
        color = self.color
        if color[p] != EMPTY or p == self.ko:
            return False
        opp = 3 - col
        for nb in NEIGHBORS[p]:
            c = color[nb]
            if c == EMPTY:
                return True
            stones, libs = self.group(nb)
            if c == col and libs > 1:
                return True
            if c == opp and libs == 1:
                return True
        return False

    def is_eye(self, p, col):
        for nb in NEIGHBORS[p]:
            if self.color[nb] != col:
                return False
        return True

    def play(self, p, col):
        color = self.color
        color[p] = col
        opp = 3 - col
        captured = []
        for nb in NEIGHBORS[p]:
            if color[nb] == opp:
                stones, libs = self.group(nb)
                if libs == 0:
                    for s in stones:
                        color[s] = EMPTY
                    captured.extend(stones)
        self.ko = -1
        if len(captured) == 1:
            stones, libs = self.group(p)
            if len(stones) == 1 and libs == 1:
                self.ko = captured[0]
        self.captures += len(captured)
        self.moves += 1

    def random_move(self, col, rng):
        empties = [p for p in range(SIZE * SIZE) if self.color[p] == EMPTY]
        count = len(empties)
        if count == 0:
            return -1
        start = rng.below(count)
        for k in range(count):
            p = empties[(start + k) % count]
            if not self.is_eye(p, col) and self.legal(p, col):
                return p
        return -1

    def score(self):
        """Area score, black minus white minus komi."""
        color = self.color
        total = -KOMI
        for p in range(SIZE * SIZE):
            c = color[p]
            if c == BLACK:
                total += 1
            elif c == WHITE:
                total -= 1
            else:
                b = w = False
                for nb in NEIGHBORS[p]:
                    if color[nb] == BLACK:
                        b = True
                    elif color[nb] == WHITE:
                        w = True
                if b and not w:
                    total += 1
                elif w and not b:
                    total -= 1
        return total


def playout(board, col, rng):
    passes = 0
    while passes < 2 and board.moves < MAX_MOVES:
        p = board.random_move(col, rng)
        if p < 0:
            passes += 1
        else:
            passes = 0
            board.play(p, col)
        col = 3 - col
    return board.score()


def choose_move(board, col, rng, candidates, playouts):
    """Flat Monte Carlo: the candidate with the most playout wins, or -1."""
    best = -1
    best_wins = -1
    tried = 0
    for _ in range(candidates * 2):
        if tried == candidates:
            break
        p = board.random_move(col, rng)
        if p < 0:
            break
        tried += 1
        wins = 0
        for _ in range(playouts):
            b = board.copy()
            b.play(p, col)
            s = playout(b, 3 - col, rng)
            if (s > 0) == (col == BLACK):
                wins += 1
        if wins > best_wins:
            best_wins = wins
            best = p
    return best


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    rng = Rng(12345)
    black_wins = 0
    total_score = 0
    captures = 0
    moves = 0
    for _ in range(n // 5):
        b = Board()
        s = playout(b, BLACK, rng)
        if s > 0:
            black_wins += 1
        total_score += s
        captures += b.captures
        moves += b.moves
    game = Board()
    col = BLACK
    chosen = 0
    for _ in range(n // 10):
        p = choose_move(game, col, rng, 3, 2)
        if p < 0:
            break
        game.play(p, col)
        chosen = chosen * 7 + p + 1
        col = 3 - col
    print("go", n, black_wins, total_score, captures, moves, chosen % 1000000007)


main()
