#!/bin/sh
# bench/alloc/run.sh [ROUNDS] — build and run the allocation micro-benchmark
# (alloc_bench.c) for glibc, mimalloc (if libmimalloc-dev is installed) and
# Tandem's allocator of the gil and ft builds (make gil ft first).
# Figures and the decision they support: docs/memory.md, "The allocator".
set -e
cd "$(dirname "$0")/../.."
out=build/alloc-bench
mkdir -p $out
ROUNDS=${1:-2000}
CFLAGS="-O2 -std=gnu11 -pthread"
gcc $CFLAGS -DBENCH_MALLOC bench/alloc/alloc_bench.c -o $out/glibc
if [ -f /usr/include/mimalloc.h ]; then
  gcc $CFLAGS -DBENCH_MIMALLOC bench/alloc/alloc_bench.c -o $out/mimalloc -lmimalloc
fi
for f in gil ft; do
  gcc $CFLAGS -DBENCH_TANDEM -I. -Ibuild/$f/generated bench/alloc/alloc_bench.c \
      build/$f/libtandem_core.a -o $out/tandem-$f -lck -lm
done
for b in glibc mimalloc tandem-gil tandem-ft; do
  [ -x $out/$b ] || continue
  echo "== $b"
  $out/$b $ROUNDS
done
