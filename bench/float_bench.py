# bench/float_bench.py -- float object churn: build many Point objects from
# sin/cos, normalize them, and fold them with a component-wise maximum.
#
# Usage: tandem bench/float_bench.py [N]    (default N = 2000, thousands of points)
# Prints one checksum line: "float_bench N x y z s": each coordinate of the
# maximum as int(value * 10**9) and the sum of the normalized y as
# int(sum * 10**6).
# Exercises class instantiation, attribute load/store, method calls,
# math.sin/math.cos/math.sqrt, float multiply/divide, comparisons.
import sys
import math

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 2000


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def run(count):
    points = [None] * count
    for i in range(count):
        points[i] = Point(i)
    total = 0.0
    for p in points:
        p.normalize()
        total += p.y
    return maximize(points), total


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = n * 1000
    # Batches of 10000 points, as a program would process a stream.
    best = None
    done = 0
    ysum = 0.0
    while done < total:
        count = min(10000, total - done)
        p, part = run(count)
        ysum += part
        if best is None:
            best = p
        else:
            best.maximize(p)
        done += count
    print("float_bench", n, int(best.x * 1e9), int(best.y * 1e9), int(best.z * 1e9), int(ysum * 1e6))


main()
