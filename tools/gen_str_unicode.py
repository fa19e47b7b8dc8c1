#!/usr/bin/env python3
# Generates core/objects/str_unicode.c from CPython's unicodedata.
# Usage: python3 tools/gen_str_unicode.py > core/objects/str_unicode.c
import sys
import unicodedata as u

MAXCP = 0x110000
IGNORABLE_EXTRA = set(map(ord, "'.:\u00b7\u0387\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a"))
LINEBREAKS = {0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029}


def flags(c):
    ch = chr(c)
    f = 0
    cat = u.category(ch)
    if ch.isalpha(): f |= 1
    if ch.isdecimal(): f |= 2
    if ch.isdigit(): f |= 4
    if ch.isnumeric(): f |= 8
    if ch.isspace(): f |= 16
    if ch.isprintable(): f |= 32
    if ch.isidentifier(): f |= 64
    if ('a' + ch).isidentifier(): f |= 128
    if ch.isupper(): f |= 256
    if ch.islower(): f |= 512
    if cat == 'Lt': f |= 1024
    if ch.isupper() or ch.islower() or cat == 'Lt': f |= 2048
    if cat in ('Mn', 'Me', 'Cf', 'Lm', 'Sk') or c in IGNORABLE_EXTRA: f |= 4096
    if c in LINEBREAKS: f |= 8192
    return f


def one(s, c):
    return ord(s) - c if len(s) == 1 else None


def main():
    out = sys.stdout.write
    out("/* core/objects/str_unicode.c — the Unicode character database used by str.\n"
        " *\n"
        " * GENERATED from CPython %s's unicodedata (Unicode %s) by\n"
        " * tools/gen_str_unicode.py.  Do not edit by hand.\n"
        " *\n"
        " * Properties are stored as runs: flag_run_start[i] is the first code point\n"
        " * of a run whose flags are flag_run_flags[i]; lookup is a binary search.\n"
        " * Simple case mappings are runs of constant deltas; code points whose\n"
        " * mapping is not one code point (or whose casefold differs from lower)\n"
        " * are listed in special_cases.\n"
        " */\n" % (sys.version.split()[0], u.unidata_version))
    out('#include "core/tn.h"\n\n')
    # flags runs
    starts, fl = [], []
    prev = None
    for c in range(MAXCP):
        f = flags(c)
        if f != prev:
            starts.append(c)
            fl.append(f)
            prev = f
    out("static const uint32_t flag_run_start[%d] = {\n" % len(starts))
    for i in range(0, len(starts), 8):
        out("    " + ", ".join("0x%x" % s for s in starts[i:i + 8]) + ",\n")
    out("};\n\nstatic const uint16_t flag_run_flags[%d] = {\n" % len(fl))
    for i in range(0, len(fl), 12):
        out("    " + ", ".join("%d" % s for s in fl[i:i + 12]) + ",\n")
    out("};\n\n")
    # decimal zeros
    zs = [c for c in range(MAXCP) if u.decimal(chr(c), -1) == 0]
    out("/* Decimal digits come in blocks of ten starting at these zeros. */\n")
    out("static const uint32_t decimal_zeros[%d] = {\n" % len(zs))
    for i in range(0, len(zs), 8):
        out("    " + ", ".join("0x%x" % s for s in zs[i:i + 8]) + ",\n")
    out("};\n\n")
    # digit values of non-decimal digits (superscripts, circled...)
    ds = [(c, u.digit(chr(c))) for c in range(MAXCP)
          if u.digit(chr(c), -1) >= 0 and u.decimal(chr(c), -1) < 0]
    out("static const uint32_t other_digits[%d][2] = {\n" % len(ds))
    for i in range(0, len(ds), 6):
        out("    " + ", ".join("{0x%x, %d}" % d for d in ds[i:i + 6]) + ",\n")
    out("};\n\n")
    # case runs
    SPECIAL = 0x7fffffff
    cstarts, cdeltas = [], []
    specials = []
    prev = None
    for c in range(MAXCP):
        ch = chr(c)
        up, lo, ti, fo = ch.upper(), ch.lower(), ch.title(), ch.casefold()
        special = (len(up) != 1 or len(lo) != 1 or len(ti) != 1 or fo != lo)
        if special:
            specials.append((c, up, lo, ti, fo))
            key = (SPECIAL, SPECIAL, SPECIAL)
        else:
            key = (one(up, c), one(lo, c), one(ti, c))
        if key != prev:
            cstarts.append(c)
            cdeltas.append(key)
            prev = key
    out("#define CASE_SPECIAL 0x7fffffff\n")
    out("static const uint32_t case_run_start[%d] = {\n" % len(cstarts))
    for i in range(0, len(cstarts), 8):
        out("    " + ", ".join("0x%x" % s for s in cstarts[i:i + 8]) + ",\n")
    out("};\n\n/* upper, lower, title deltas */\n")
    out("static const int32_t case_run_delta[%d][3] = {\n" % len(cdeltas))
    for i in range(0, len(cdeltas), 4):
        out("    " + ", ".join("{%s}" % ", ".join(
            ("CASE_SPECIAL" if d == SPECIAL else str(d)) for d in k) for k in cdeltas[i:i + 4]) + ",\n")
    out("};\n\n")

    def arr(s):
        v = [ord(x) for x in s] + [0] * (3 - len(s))
        assert len(v) == 3
        return "{%d, 0x%x, 0x%x, 0x%x}" % (len(s), v[0], v[1], v[2])
    out("typedef struct SpecialCase {\n    uint32_t cp;\n    uint32_t map[4][4];   /* upper, lower, title, fold: {n, cp1, cp2, cp3} */\n} SpecialCase;\n\n")
    out("static const SpecialCase special_cases[%d] = {\n" % len(specials))
    for (c, up, lo, ti, fo) in specials:
        out("    {0x%x, {%s, %s, %s, %s}},\n" % (c, arr(up), arr(lo), arr(ti), arr(fo)))
    out("};\n\n")
    out(TAIL)


TAIL = r'''
#define COUNT_OF(a) ((tn_ssize_t)(sizeof(a) / sizeof((a)[0])))

/* Index of the last run whose start is <= cp (runs start at 0). */
static tn_ssize_t run_index(const uint32_t *starts, tn_ssize_t n, uint32_t cp)
{
    tn_ssize_t lo = 0, hi = n - 1;
    while (lo < hi) {
        tn_ssize_t mid = lo + (hi - lo + 1) / 2;
        if (starts[mid] <= cp)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

unsigned tn_unicode_flags(uint32_t cp)
{
    if (cp >= 0x110000)
        return 0;
    return flag_run_flags[run_index(flag_run_start, COUNT_OF(flag_run_start), cp)];
}

int tn_unicode_decimal(uint32_t cp)
{
    if (cp < 128)
        return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    if (!(tn_unicode_flags(cp) & TN_UC_DECIMAL))
        return -1;
    tn_ssize_t i = run_index(decimal_zeros, COUNT_OF(decimal_zeros), cp);
    return (int)(cp - decimal_zeros[i]);
}

int tn_unicode_digit(uint32_t cp)
{
    int d = tn_unicode_decimal(cp);
    if (d >= 0 || !(tn_unicode_flags(cp) & TN_UC_DIGIT))
        return d;
    for (tn_ssize_t i = 0; i < COUNT_OF(other_digits); i++)
        if (other_digits[i][0] == cp)
            return (int)other_digits[i][1];
    return -1;
}

static const SpecialCase *find_special(uint32_t cp)
{
    tn_ssize_t lo = 0, hi = COUNT_OF(special_cases) - 1;
    while (lo <= hi) {
        tn_ssize_t mid = (lo + hi) / 2;
        if (special_cases[mid].cp == cp)
            return &special_cases[mid];
        if (special_cases[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

/* which: 0 upper, 1 lower, 2 title, 3 casefold.  Writes 1..3 code points
 * to out and returns how many. */
int tn_unicode_case_map(uint32_t cp, int which, uint32_t out[3])
{
    if (cp < 128) {
        if (which == 0 || which == 2)
            out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
        else
            out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    if (cp >= 0x110000) {
        out[0] = cp;
        return 1;
    }
    const int32_t *d = case_run_delta[run_index(case_run_start, COUNT_OF(case_run_start), cp)];
    if (d[0] != CASE_SPECIAL) {
        out[0] = (uint32_t)((int32_t)cp + d[which == 3 ? 1 : which]);
        return 1;
    }
    const SpecialCase *sc = find_special(cp);
    if (sc == NULL) {
        out[0] = cp;
        return 1;
    }
    int n = (int)sc->map[which][0];
    for (int i = 0; i < n; i++)
        out[i] = sc->map[which][i + 1];
    return n;
}
'''

main()
