# MemoryError at once for sizes that can never fit, and the same
# errors as CPython around them.
N = 2**40


class Hint:
    # An iterator that promises N items (and would yield 1 forever).
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def __length_hint__(self):
        return N


def t(label, f):
    try:
        r = f()
        print(label, "->", len(r))
    except (MemoryError, OverflowError, TypeError, ValueError) as e:
        print(label, "->", type(e).__name__, e)


t("bytes(Hint())", lambda: bytes(Hint()))
t("bytearray().extend(Hint())", lambda: bytearray().extend(Hint()))
t("list(Hint())", lambda: list(Hint()))
t("[].extend(range(N))", lambda: [].extend(range(N)))
t("tuple(range(N))", lambda: tuple(range(N)))
t("N * [1, 2]", lambda: N * [1, 2])
t("(0,) * N", lambda: (0,) * N)
t("b'ab' * N", lambda: b"ab" * N)
t("bytearray(b'ab') * N", lambda: bytearray(b"ab") * N)
t("'ab' * N", lambda: "ab" * N)
t("bytes(N)", lambda: bytes(N))
t("'\\t'.expandtabs(N)", lambda: "\t".expandtabs(N))
t("b'\\t'.expandtabs(N)", lambda: b"\t".expandtabs(N))
t("bytearray(b'\\t').expandtabs(N)", lambda: bytearray(b"\t").expandtabs(N))
t("'\\t'.expandtabs(2**20)", lambda: "\t".expandtabs(2**20))
t("bytearray().extend(5)", lambda: bytearray().extend(5))
t("bytes(iter([1, 2]))", lambda: bytes(iter([1, 2])))
t("bytearray(iter([1, 2]))", lambda: bytearray(iter([1, 2])))


class BadHint:
    def __iter__(self):
        return iter([1, 2, 3])

    def __length_hint__(self):
        return -1


t("bytes(BadHint())", lambda: bytes(BadHint()))
ba = bytearray()
t("ba.extend(BadHint())", lambda: ba.extend(BadHint()))
