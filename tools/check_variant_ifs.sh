#!/usr/bin/env bash
# tools/check_variant_ifs.sh — enforce the variant-switch rule.
#
# Preprocessor tests of the flavour (#if/#ifdef/#ifndef/#elif on
# TN_FREE_THREADED, on TN_HAVE_GIL which is only its negation, or on the ft
# reference counting modes TN_RC_BIASED / TN_RC_ATOMIC) may appear
# only in:
#   core/config.h  core/object.h  threading/  alloc/  gc/collect_*
# Everywhere else the code must read the same in both flavours (critical
# sections, FT_ATOMIC_* accessors, split gc files; see docs/build.md).  A
# plain C expression such as `TN_FREE_THREADED ? 32 : 16` is allowed anywhere.
#
# Exit 0 and one line when clean; exit 1 and the offending lines otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

pattern='^[[:space:]]*#[[:space:]]*(if|ifdef|ifndef|elif|elifdef|elifndef)\b.*\b(TN_FREE_THREADED|TN_HAVE_GIL|TN_RC_BIASED|TN_RC_ATOMIC)\b'

allowed() {
    case "$1" in
        core/config.h|core/object.h|threading/*|alloc/*|gc/collect_*) return 0 ;;
        *) return 1 ;;
    esac
}

violations=0
while IFS= read -r hit; do
    file=${hit%%:*}
    if ! allowed "$file"; then
        echo "$hit"
        violations=$((violations + 1))
    fi
done < <(grep -rnE "$pattern" \
            --include='*.c' --include='*.h' --include='*.def' --include='*.inc' \
            --exclude-dir=build --exclude-dir=.git . 2>/dev/null | sed 's|^\./||' || true)

if [ "$violations" -ne 0 ]; then
    echo "check_variant_ifs: $violations flavour #if(s) outside core/config.h, core/object.h, threading/, alloc/, gc/collect_*" >&2
    echo "  (use the critical-section / FT_ATOMIC_* vocabulary, or split the file; see docs/build.md)" >&2
    exit 1
fi
echo "check_variant_ifs: ok (no flavour #if outside the allowed files)"
