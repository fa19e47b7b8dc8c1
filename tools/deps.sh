#!/usr/bin/env bash
# tools/deps.sh — install the Debian packages Tandem needs, and only those
# that are missing.  Run by `make deps`, `make test` and `make compare`.
#
# Idempotent and quiet: when everything is installed it prints nothing.
# Without root it prints the exact command to run and exits 1.
#
#   gcc make cmake       the build (CMake presets, gcc for gil/ft/asan)
#   libck-dev            ConcurrencyKit: atomics and fences behind threading/atomic.h
#   libcmocka-dev        C unit tests (tests/unit)
#   clang                the ft-tsan preset (ThreadSanitizer)
#   libclang-rt-N-dev    clang's sanitizer runtimes (libclang_rt.tsan-x86_64.a)
#                        for the installed clang major version N (14 on Debian 12)
#   python3              CPython 3.11: reference outputs and the test/bench harness
#   libpython3.11-stdlib     CPython 3.11's pure-Python standard library, which
#                            Tandem runs at run time (docs/stdlib.md)
#   libpython3.11-testsuite  CPython 3.11's Lib/test (the regression tests)
set -euo pipefail

# The sanitizer runtime must match the clang that the ft-tsan preset uses.
clang_major=14
if command -v clang >/dev/null 2>&1; then
    v=$(clang -dumpversion 2>/dev/null || true)
    case "$v" in
        [0-9]*) clang_major=${v%%.*} ;;
    esac
fi

packages=(gcc make cmake clang "libclang-rt-${clang_major}-dev" libck-dev libcmocka-dev python3
          libpython3.11-stdlib libpython3.11-testsuite)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

install_cmd="apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${missing[*]}"

if [ "$(id -u)" -ne 0 ]; then
    echo "tools/deps.sh: missing packages: ${missing[*]}" >&2
    echo "run as root:  sudo sh -c '$install_cmd'" >&2
    exit 1
fi

echo "tools/deps.sh: installing ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
