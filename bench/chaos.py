# bench/chaos.py -- the chaos game: iterate random affine maps (a Barnsley
# fern and a Sierpinski-like pentagon) and rasterize the attractor into a
# pixel grid.  Randomness comes from a 48-bit linear congruential generator
# written here, so every implementation draws the same numbers.
#
# Usage: tandem bench/chaos.py [N]    (default N = 2000)
# Iterates N * 500 points on each of the two fractals.
# Prints one checksum line: "chaos N lit weighted" (pixels hit, and a
# position-weighted hit count).
# Exercises classes and bound methods, float arithmetic, int() truncation,
# lists of lists, math.cos/math.sin.
import sys
import math

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 2000
WIDTH = 128
HEIGHT = 128


class Lcg:
    """x' = (a*x + c) mod 2**48, the generator of drand48."""

    def __init__(self, seed):
        self.state = (seed << 16) | 0x330E

    def next_float(self):
        self.state = (self.state * 0x5DEECE66D + 0xB) & 0xFFFFFFFFFFFF
        return self.state / 281474976710656.0


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Ifs:
    def __init__(self, maps, xmin, xmax, ymin, ymax):
        self.maps = maps
        total = 0.0
        self.cumulative = []
        for m in maps:
            total += m.weight
            self.cumulative.append(total)
        self.total = total
        self.xmin = xmin
        self.ymin = ymin
        self.xscale = (WIDTH - 1) / (xmax - xmin)
        self.yscale = (HEIGHT - 1) / (ymax - ymin)

    def choose(self, rng):
        r = rng.next_float() * self.total
        i = 0
        cum = self.cumulative
        while i < len(cum) - 1 and r >= cum[i]:
            i += 1
        return self.maps[i]

    def run(self, rng, points, grid):
        x = 0.0
        y = 0.0
        for i in range(points):
            x, y = self.choose(rng).apply(x, y)
            if i < 20:
                continue
            px = int((x - self.xmin) * self.xscale)
            py = int((y - self.ymin) * self.yscale)
            if 0 <= px < WIDTH and 0 <= py < HEIGHT:
                grid[py][px] += 1


def fern():
    return Ifs([Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
                Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
                Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
                Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07)],
               -2.2, 2.7, 0.0, 10.0)


def pentagon():
    maps = []
    r = 0.382
    for k in range(5):
        ang = 2 * math.pi * k / 5 + math.pi / 2
        cx = math.cos(ang)
        cy = math.sin(ang)
        maps.append(Affine(r, 0.0, 0.0, r, cx * (1 - r), cy * (1 - r), 1.0))
    return Ifs(maps, -1.0, 1.0, -1.0, 1.0)


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    rng = Lcg(42)
    lit = 0
    weighted = 0
    for ifs in (fern(), pentagon()):
        grid = [[0] * WIDTH for _ in range(HEIGHT)]
        ifs.run(rng, n * 500, grid)
        for yy in range(HEIGHT):
            row = grid[yy]
            for xx in range(WIDTH):
                if row[xx]:
                    lit += 1
                    weighted = (weighted + row[xx] * (yy * WIDTH + xx + 1)) % 1000000007
    print("chaos", n, lit, weighted)


main()
