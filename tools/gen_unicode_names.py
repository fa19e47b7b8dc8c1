#!/usr/bin/env python3
# Generates core/objects/unicode_names.inc: the Unicode character name table
# used by "\N{...}" escapes and the unicode_escape codec.
#
# Usage: python3 tools/gen_unicode_names.py > core/objects/unicode_names.inc
# (must run under CPython 3.11 so the names match its unicodedata).
#
# Layout of the generated data (decoded by core/objects/unicode_names.c):
#  - names_lexicon: every distinct word (names split at ' '), NUL-separated,
#    most frequent words first; names_word_off[i] is the offset of word i.
#  - names_blob: the names, sorted, in blocks of NAMES_BLOCK records.  A
#    record is: shared-word count (words repeated from the previous name of
#    the block; bit 0x80 set when the record is an alias), new-word count, the new words' indices (one byte if < 0x80,
#    else two bytes: 0x80 | high 7 bits, low 8 bits), then the code point as
#    a zigzag varint delta from the previous record of the block.
#    names_block_off[b] is where block b starts.  Each block's first record
#    shares nothing and its delta is from 0.
#  - Algorithmic names (CJK UNIFIED IDEOGRAPH-XXXX, CJK COMPATIBILITY
#    IDEOGRAPH-XXXX) are ranges in names_algo; HANGUL SYLLABLE is computed.
#  - Formal name aliases (tools/unicode_name_aliases.txt, filtered through
#    unicodedata.lookup) are ordinary records.
import os
import sys
import unicodedata as u
from collections import Counter

BLOCK = 32
HERE = os.path.dirname(os.path.abspath(__file__))


def algorithmic_prefix(name, cp):
    """The prefix when name is PREFIX-<hex of cp>, else None."""
    for prefix in ("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-"):
        if name.startswith(prefix) and int(name[len(prefix):], 16) == cp:
            return prefix
    return None


def collect():
    names, algo, aliases = {}, [], set()
    for cp in range(0x110000):
        name = u.name(chr(cp), None)
        if name is None or name.startswith("HANGUL SYLLABLE "):
            continue
        prefix = algorithmic_prefix(name, cp)
        if prefix is not None:
            if algo and algo[-1][0] == prefix and algo[-1][2] == cp - 1:
                algo[-1][2] = cp
            else:
                algo.append([prefix, cp, cp])
            continue
        names[name] = cp
    with open(os.path.join(HERE, "unicode_name_aliases.txt")) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            cp_hex, alias = line.split(";")[:2]
            cp = int(cp_hex, 16)
            try:
                ok = u.lookup(alias) == chr(cp)
            except KeyError:
                ok = False
            if ok and alias not in names:
                names[alias] = cp
                aliases.add(alias)
    return names, algo, aliases


def zigzag(v):
    return v * 2 if v >= 0 else -v * 2 - 1


def varint(v):
    out = []
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return out


def emit_bytes(out, name, data, per_line=24):
    out("static const uint8_t %s[%d] = {\n" % (name, len(data)))
    for i in range(0, len(data), per_line):
        out(",".join(str(b) for b in data[i:i + per_line]) + ",\n")
    out("};\n\n")


def emit_lexicon(out, words, per_line=8):
    """The words as one string literal, each followed by an octal NUL (three
    digits, so a following digit is not swallowed)."""
    out("static const char names_lexicon[] =\n")
    for i in range(0, len(words), per_line):
        out('    "' + "".join(w + "\\000" for w in words[i:i + per_line]) + '"\n')
    out(";\n\n")


def emit_u32(out, name, data, per_line=12):
    out("static const uint32_t %s[%d] = {\n" % (name, len(data)))
    for i in range(0, len(data), per_line):
        out(",".join(str(v) for v in data[i:i + per_line]) + ",\n")
    out("};\n\n")


def main():
    out = sys.stdout.write
    names, algo, aliases = collect()
    freq = Counter()
    for n in names:
        freq.update(n.split(" "))
    words = sorted(freq, key=lambda w: (-freq[w], w))
    assert len(words) < 0x8000
    index = {w: i for i, w in enumerate(words)}
    lexicon, word_off = bytearray(), []  # lexicon only measures offsets
    for w in words:
        word_off.append(len(lexicon))
        lexicon += w.encode("ascii") + b"\0"
    blob, block_off = bytearray(), []
    ordered = sorted(names)
    assert max(len(n) for n in ordered) <= 128   # NAME_MAX_LEN in unicode_names.c
    prev_words, prev_cp = [], 0
    for k, n in enumerate(ordered):
        ws = n.split(" ")
        if k % BLOCK == 0:
            block_off.append(len(blob))
            prev_words, prev_cp = [], 0
        shared = 0
        while shared < min(len(ws), len(prev_words)) and ws[shared] == prev_words[shared]:
            shared += 1
        new = ws[shared:]
        blob += bytes([shared | (0x80 if n in aliases else 0), len(new)])
        for w in new:
            i = index[w]
            blob += bytes([i]) if i < 0x80 else bytes([0x80 | (i >> 8), i & 0xFF])
        blob += bytes(varint(zigzag(names[n] - prev_cp)))
        prev_words, prev_cp = ws, names[n]
    out("/* core/objects/unicode_names.inc — Unicode character names.\n"
        " *\n"
        " * GENERATED from CPython %s's unicodedata (Unicode %s) by\n"
        " * tools/gen_unicode_names.py.  Do not edit by hand; the layout is\n"
        " * described in the generator. */\n\n" % (sys.version.split()[0], u.unidata_version))
    out("#define NAMES_BLOCK %d\n#define NAMES_COUNT %d\n#define NAMES_WORDS %d\n\n"
        % (BLOCK, len(ordered), len(words)))
    emit_lexicon(out, words)
    emit_u32(out, "names_word_off", word_off)
    emit_bytes(out, "names_blob", blob)
    emit_u32(out, "names_block_off", block_off)
    out("static const struct { const char *prefix; uint32_t first, last; } names_algo[%d] = {\n" % len(algo))
    for prefix, first, last in algo:
        out('    {"%s", 0x%X, 0x%X},\n' % (prefix, first, last))
    out("};\n")


if __name__ == "__main__":
    main()
