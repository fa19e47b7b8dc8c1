"""tools/fuzz/mutate.py -- byte-level and line-level mutations of script tests.

mutate(rng, data, corpus) returns a mutant (bytes) of `data`, one script
test, by applying 1-4 random operators.  `corpus` is the list of all seed
scripts (bytes), used to splice lines from another test.
"""

TOKENS = [
    b"(", b")", b"[", b"]", b"{", b"}", b"'", b'"', b"'''", b'"""', b"\\", b":", b",", b";",
    b".", b"=", b"==", b"+", b"-", b"*", b"**", b"/", b"//", b"%", b"@", b"<<", b">>", b"&",
    b"|", b"^", b"~", b"<", b">", b"->", b":=", b"...", b"#", b"\t", b"\n", b"\r", b"\f",
    b"\x00", b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\xf4\x90\x80\x80",
    b"if", b"else", b"elif", b"while", b"for", b"in", b"not", b"and", b"or", b"is", b"def",
    b"class", b"return", b"yield", b"yield from", b"lambda", b"try", b"except", b"except*",
    b"finally", b"with", b"as", b"async", b"await", b"global", b"nonlocal", b"del", b"pass",
    b"break", b"continue", b"raise", b"from", b"import", b"match", b"case", b"_", b"None",
    b"True", b"False", b"__class__", b"super()", b"self", b"print", b"f'", b"b'", b"rb'",
    b"f'{", b"}'", b"{x!r:>{w}}", b"0", b"1", b"-1", b"0x", b"0b2", b"1e999", b"1_000",
    b"9" * 30, b"1.5j", b"0o7", b"2**64", b"\xce\xbb", b"\xe2\x80\x8b", b"\xf0\x9f\x98\x80",
    b"*args", b"**kw", b"/,", b"x", b"__dict__", b"__getattr__", b"__eq__", b"__hash__",
]

OPEN = [b"(", b"[", b"{", b"f'{", b"lambda: (", b"not ", b"-", b"[*", b"(yield ", b"await ("]
CLOSE = {b"(": b")", b"[": b"]", b"{": b"}", b"f'{": b"}'", b"lambda: (": b")",
         b"not ": b"", b"-": b"", b"[*": b"]", b"(yield ": b")", b"await (": b")"}


def _lines(data):
    return data.splitlines(keepends=True) or [b""]


def op_delete_line(rng, data, corpus):
    ls = _lines(data)
    i = rng.randrange(len(ls))
    n = rng.choice([1, 1, 1, 2, 5])
    del ls[i:i + n]
    return b"".join(ls)


def op_duplicate_line(rng, data, corpus):
    ls = _lines(data)
    i = rng.randrange(len(ls))
    ls.insert(rng.randrange(len(ls) + 1), ls[i])
    return b"".join(ls)


def op_swap_lines(rng, data, corpus):
    ls = _lines(data)
    i, j = rng.randrange(len(ls)), rng.randrange(len(ls))
    ls[i], ls[j] = ls[j], ls[i]
    return b"".join(ls)


def op_splice(rng, data, corpus):
    other = _lines(rng.choice(corpus))
    ls = _lines(data)
    i = rng.randrange(len(other))
    chunk = other[i:i + rng.randint(1, 8)]
    j = rng.randrange(len(ls) + 1)
    ls[j:j] = chunk
    return b"".join(ls)


def op_insert_token(rng, data, corpus):
    i = rng.randrange(len(data) + 1)
    tok = rng.choice(TOKENS)
    if rng.random() < 0.5:
        tok = b" " + tok + b" "
    return data[:i] + tok + data[i:]


def op_replace_byte(rng, data, corpus):
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(b))
        b[i] = rng.choice([0, 0xff, 0x80, 0xc0, ord("("), ord(")"), ord("'"), ord('"'),
                           ord(":"), ord("\n"), ord(" "), rng.randrange(256)])
    return bytes(b)


def op_delete_span(rng, data, corpus):
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 40):]


def op_truncate(rng, data, corpus):
    return data[:rng.randrange(len(data) + 1)]


def op_nul(rng, data, corpus):
    i = rng.randrange(len(data) + 1)
    return data[:i] + b"\x00" * rng.randint(1, 3) + data[i:]


def op_invalid_utf8(rng, data, corpus):
    i = rng.randrange(len(data) + 1)
    bad = rng.choice([b"\xff", b"\xc3", b"\xc3(", b"\xe2\x28\xa1", b"\xed\xa0\x80",
                      b"\xf8\x88\x80\x80\x80", b"\xc0\xaf", b"\xef\xbf", b"\x80\x80"])
    if rng.random() < 0.3:
        # An encoding cookie that the rest of the file may contradict.
        return rng.choice([b"# -*- coding: latin-1 -*-\n", b"# coding: ascii\n",
                           b"# coding: bogus-codec\n", b"\xef\xbb\xbf# coding: latin-1\n",
                           b"# coding: utf-16\n"]) + data
    return data[:i] + bad + data[i:]


def op_deep_nesting(rng, data, corpus):
    ls = _lines(data)
    depth = rng.choice([50, 100, 199, 200, 201, 1000, 5000, 100000])
    r = rng.random()
    if r < 0.6:
        o = rng.choice(OPEN)
        expr = o * depth + rng.choice([b"1", b"x", b""]) + CLOSE[o] * depth
        line = b"_ = " + expr + b"\n"
    elif r < 0.8:
        # Nested blocks: each level one more indentation.
        depth = min(depth, 2000)
        line = b"".join(b" " * i + b"if 1:\n" for i in range(depth)) + b" " * depth + b"pass\n"
    else:
        depth = min(depth, 3000)
        line = (b"_ = " + b"1" + b" + 1" * depth if rng.random() < 0.5 else
                b"_ = " + b"lambda: " * depth + b"0") + b"\n"
    i = rng.randrange(len(ls) + 1)
    ls.insert(i, line)
    return b"".join(ls)


def op_long_line(rng, data, corpus):
    ls = _lines(data)
    n = rng.choice([1000, 10000, 100000, 1000000])
    line = rng.choice([
        b"_ = '" + b"a" * n + b"'\n", b"_ = " + b"x, " * (n // 3) + b"x\n",
        b"#" + b"c" * n + b"\n", b"_ = [" + b"1," * (n // 2) + b"]\n",
        b"_ = " + b"a." * (n // 2) + b"b\n", b"_" * n + b" = 1\n",
        b"_ = f'" + b"{1}" * (n // 3) + b"'\n", b"_ = 1" + b"0" * min(n, 4000) + b"\n",
    ])
    ls.insert(rng.randrange(len(ls) + 1), line)
    return b"".join(ls)


def op_change_number(rng, data, corpus):
    import re
    nums = [m.span() for m in re.finditer(rb"\b\d+\b", data)]
    if not nums:
        return data
    a, b = rng.choice(nums)
    return data[:a] + rng.choice([b"0", b"-1", b"2**63", b"2**64 - 1", b"10**18", b"1e308",
                                  b"-2**31", b"255", b"256", b"65536", b"0x110000",
                                  b"(1 << 100)", b"1.5", b"None"]) + data[b:]


def op_swap_identifier(rng, data, corpus):
    import re
    ids = [m.span() for m in re.finditer(rb"\b[A-Za-z_]\w*\b", data)]
    if len(ids) < 2:
        return data
    a, b = rng.choice(ids)
    c, d = rng.choice(ids)
    return data[:a] + data[c:d] + data[b:]


OPS = [
    (10, op_delete_line), (8, op_duplicate_line), (8, op_swap_lines), (6, op_splice),
    (8, op_insert_token), (4, op_replace_byte), (4, op_delete_span), (4, op_truncate),
    (2, op_nul), (3, op_invalid_utf8), (3, op_deep_nesting), (2, op_long_line),
    (6, op_change_number), (8, op_swap_identifier),
]


def mutate(rng, data, corpus):
    total = sum(w for w, _ in OPS)
    names = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        x = rng.uniform(0, total)
        for w, f in OPS:
            x -= w
            if x <= 0:
                break
        data = f(rng, data, corpus)
        names.append(f.__name__[3:])
    return data, names
