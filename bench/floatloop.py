# bench/floatloop.py -- float kernel: a Mandelbrot set over a grid and a
# midpoint-rule integration of 4 / (1 + x*x) over [0, 1] (which is pi).
#
# Usage: tandem bench/floatloop.py [N]    (default N = 1000; work grows linearly)
# Prints one checksum line: "floatloop N iterations pi_times_10**15".
# The checksum holds only ints: every correct IEEE-754 double implementation
# performs the same operations in the same order, so int() of the results is
# identical, while printing floats would also test float formatting.
# Uses only the constructs listed in bench/README.md.
import sys

# About 1 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 1000


def mandelbrot(width, height, max_iter):
    # Total number of iterations over a width x height grid of c values in
    # [-2, 0.5] x [-1.25, 1.25].
    total = 0
    for py in range(height):
        ci = -1.25 + 2.5 * py / height
        for px in range(width):
            cr = -2.0 + 2.5 * px / width
            zr = 0.0
            zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            total += i
    return total


def integrate_pi(steps):
    h = 1.0 / steps
    total = 0.0
    for k in range(steps):
        x = (k + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    iters = mandelbrot(4 * n, 100, 50)
    pi = integrate_pi(n * 10000)
    print("floatloop", n, iters, int(pi * 1000000000000000))


main()
