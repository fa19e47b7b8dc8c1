"""tools/fuzz/gen_objmodel.py -- random well-formed programs over the object model.

generate(rng) returns the source text of one program.  A program defines a
few classes whose special methods misbehave in random ways (raise, return
the wrong type, return NotImplemented, recurse, or mutate the shared
containers L, D, S that the program is operating on), builds a pool of
mixed values (builtins, builtin subclasses, instances of those classes),
then runs a list of independent "cases", each in its own try/except, so
that one exception does not end the program.

The programs only use what Tandem implements (no weakref, gc, io, ...),
do not touch the file system, do not start processes, and stay bounded in
time and memory when the interpreter is correct: every loop is bounded, and
a program that hangs under Tandem but not under CPython is a finding.
"""

EXC = ["ValueError", "TypeError", "KeyError", "IndexError", "AttributeError",
       "StopIteration", "RuntimeError", "ZeroDivisionError", "OverflowError",
       "RecursionError", "LookupError", "ArithmeticError", "Exception",
       "GeneratorExit", "KeyboardInterrupt", "SystemExit", "MemoryError",
       "BaseException", "UnicodeError", "NotImplementedError"]

# Values a misbehaving method may return instead of the right thing.
WRONG = ["None", "NotImplemented", "'str'", "b'b'", "1.5", "-1", "0", "2**64",
         "-2**63", "10**30", "True", "[]", "()", "{}", "self", "other", "object()",
         "float('nan')", "1j", "Odd()", "type(self)", "len", "iter([])",
         "bytearray(b'x')", "range(3)", "slice(1)", "...", "-(2**31)", "2**31 - 1"]

# Statements that mutate the shared containers from inside a callback.
MUTATE = [
    "L.clear()", "len(L) < 99 and L.append(self)", "len(L) < 99 and L.insert(0, Odd())", "del L[:]", "L.reverse()",
    "len(L) < 99 and L.extend(range(5))", "L[:] = [1, 'a', None]", "L.pop() if L else None",
    "L.remove(L[0]) if L else None", "len(L) < 99 and L.__imul__(2)", "L.sort() if len(L) < 50 else None",
    "D.clear()", "if len(D) < 99: D[len(D)] = self", "if len(D) < 99: D[object()] = 1", "D.pop(next(iter(D)), None) if D else None",
    "D.popitem() if D else None", "D.update({i: i for i in range(20)})", "D.setdefault(self, 1)",
    "S.clear()", "len(S) < 99 and S.add(object())", "S.add(self)", "S.update(range(30))",
    "S.discard(next(iter(S))) if S else None", "S.pop() if S else None",
    "len(T) < 99 and T.append(T)", "len(B) < 999 and B.extend(b'abc')", "B.clear()", "B[:] = b'xyz' * 10",
    "globals()['L'] = [3, 2, 1]", "globals()['D'] = {}", "G.__dict__.clear() if hasattr(G, '__dict__') else None",
]

BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
CMPOPS = ["==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"]
BIN_DUNDERS = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift",
               "rshift", "and", "or", "xor", "matmul"]
CMP_DUNDERS = ["eq", "ne", "lt", "le", "gt", "ge"]
UNARY_DUNDERS = ["neg", "pos", "abs", "invert", "bool", "int", "float", "complex",
                 "index", "len", "hash", "repr", "str", "bytes", "iter", "next",
                 "reversed", "length_hint", "round", "trunc", "floor", "ceil",
                 "format", "sizeof", "call", "contains", "getitem", "setitem",
                 "delitem", "missing", "enter", "exit", "getattr", "setattr",
                 "delattr", "get", "set", "delete", "set_name", "init_subclass",
                 "instancecheck", "subclasscheck", "class_getitem", "mro_entries",
                 "iadd", "imul", "isub", "ior", "dir", "del"]

# Right (well-typed) results per unary special method, so that misbehaviour
# is one choice among others rather than the only thing that happens.
GOOD = {
    "neg": "-self.v if isinstance(self.v, int) else 0", "pos": "self.v", "abs": "abs(self.v) if isinstance(self.v, int) else 1",
    "invert": "~self.v if isinstance(self.v, int) else -1", "bool": "bool(self.v)",
    "int": "int(self.v) if isinstance(self.v, (int, float)) else 7", "float": "1.25",
    "complex": "1j", "index": "self.v if type(self.v) is int else 2", "len": "3",
    "hash": "hash(self.v) if isinstance(self.v, (int, str, bytes, tuple)) else 5",
    "repr": "'<%s %r>' % (type(self).__name__, self.v)", "str": "'s'", "bytes": "b'by'",
    "iter": "iter([1, 2, self.v])", "next": "next(self._it)", "reversed": "iter([3, 2, 1])",
    "length_hint": "4", "round": "7", "trunc": "7", "floor": "7", "ceil": "8",
    "sizeof": "64", "call": "self.v", "contains": "True",
    "getitem": "self.v if not isinstance(a, int) or a < 5 else (_ for _ in ()).throw(IndexError(a))",
    "setitem": "None", "delitem": "None", "missing": "0", "enter": "self", "exit": "False",
    "getattr": "(_ for _ in ()).throw(AttributeError(a))", "setattr": "object.__setattr__(self, a, b)",
    "delattr": "object.__delattr__(self, a)", "get": "self", "set": "None", "delete": "None",
    "set_name": "None", "init_subclass": "None", "instancecheck": "False",
    "subclasscheck": "False", "class_getitem": "cls", "mro_entries": "(object,)",
    "iadd": "self", "imul": "self", "isub": "self", "ior": "self", "dir": "['a', 'b']",
    "format": "'fmt'", "del": "None",
}

# Parameters of each unary special method (besides self).
PARAMS = {
    "getitem": "a", "contains": "a", "setitem": "a, b", "delitem": "a", "missing": "a",
    "exit": "*a", "getattr": "a", "setattr": "a, b", "delattr": "a", "get": "a, b=None",
    "set": "a, b", "delete": "a", "set_name": "a, b", "instancecheck": "a",
    "subclasscheck": "a", "class_getitem": "a", "mro_entries": "a", "iadd": "a",
    "imul": "a", "isub": "a", "ior": "a", "format": "a", "round": "*a", "call": "*a, **k",
    "init_subclass": "**k",
}

CLASSMETHOD_DUNDERS = {"init_subclass", "class_getitem"}


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.nclasses = 0
        self.classes = []

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    # ---- values --------------------------------------------------------------
    def atom(self):
        r = self.r.random()
        if r < 0.35 and self.classes:
            return "%s(%s)" % (self.pick(self.classes), self.small())
        if r < 0.45:
            return self.pick(["MyInt(3)", "MyStr('ab')", "MyList([3, 1])", "MyTuple((1, 2))",
                              "MyDict(a=1)", "MyFloat(2.5)", "MySet({1, 2})", "MyBytes(b'q')",
                              "Odd()"])
        return self.small()

    def small(self):
        return self.pick([
            "0", "1", "-1", "2", "7", "True", "False", "None", "2**63", "-2**63", "2**100",
            "1.5", "-0.0", "float('inf')", "float('nan')", "1e308", "3j", "1+2j",
            "'a'", "''", "'abc'", "'\\u20ac'", "'\\x00'", "b''", "b'xy'", "bytearray(b'ab')",
            "[]", "[1, 'a']", "(1, 2)", "()", "{}", "{1: 2}", "{1, 2}", "frozenset({3})",
            "range(5)", "range(-3, 10**20, 7)", "slice(1, None, 2)", "...", "NotImplemented",
            "object()", "int", "str", "type", "len", "print", "L", "D", "S", "T", "G",
            "memoryview(b'mv')", "iter([1, 2])", "(x for x in range(3))", "(lambda *a: a)",
            "Exception('e')", "ValueError", "10**20", "-7", "256", "2**31",
        ])

    def iter_atom(self):
        """An atom that is safe to iterate to the end (no huge range)."""
        a = self.atom()
        return a if "10**20" not in a else "range(-3, 100, 7)"

    def expr(self, depth=0):
        r = self.r.random()
        if depth > 2 or r < 0.4:
            return self.atom()
        if r < 0.6:
            op = self.pick(BINOPS)
            if op in ("**", "<<"):
                # A huge exponent or shift only measures the memory limit.
                return "(%s %s %s)" % (self.expr(depth + 1), op,
                                       self.pick(["2", "-1", "0.5", "3j", "MyInt(3)", "Odd()", "None", "'s'",
                                                  self.pick(self.classes or ["Odd"]) + "(2)"]))
            return "(%s %s %s)" % (self.expr(depth + 1), op, self.expr(depth + 1))
        if r < 0.7:
            return "(%s %s %s)" % (self.expr(depth + 1), self.pick(CMPOPS), self.expr(depth + 1))
        if r < 0.8:
            return "(%s(%s))" % (self.pick(["-", "+", "~", "not "]), self.expr(depth + 1))
        if r < 0.9:
            return "[%s, %s]" % (self.expr(depth + 1), self.expr(depth + 1))
        return "(%s, %s)" % (self.expr(depth + 1), self.expr(depth + 1))

    # ---- misbehaving bodies ------------------------------------------------------
    def bad_body(self, good):
        """A body (list of lines) for a special method whose right result is `good`."""
        r = self.r.random()
        # tick() bounds the calls of user code, so that an iteration driven
        # by a misbehaving __getitem__/__next__ ends (RuntimeError).
        lines = ["tick()"]
        if self.chance(0.3):
            lines.append(self.pick(MUTATE))
        if r < 0.35 and good is not None:
            lines.append("return " + good)
        elif r < 0.55:
            lines.append("raise %s(%r)" % (self.pick(EXC), "boom"))
        elif r < 0.8:
            lines.append("return " + self.pick(WRONG))
        elif r < 0.87:
            lines.append("return NotImplemented")
        elif r < 0.93:
            # Recursion through the same operation.
            lines.append("return " + self.pick(["self == other" if False else "hash(self)",
                                                "repr(self)", "len(self)", "self.missing_attr",
                                                "bool(self)", "list(self)", "self < self",
                                                "self + 1", "iter(self)", "str(self)"]))
        else:
            lines.append("C = globals().get('CNT', 0); globals()['CNT'] = C + 1")
            lines.append("if C %% %d == 0: raise %s" % (self.r.randint(2, 5), self.pick(EXC)))
            lines.append("return " + (good or "None"))
        return lines

    def gen_class(self):
        name = "C%d" % self.nclasses
        self.nclasses += 1
        bases = "object"
        r = self.r.random()
        if r < 0.25:
            bases = self.pick(["int", "str", "list", "dict", "tuple", "float", "bytes",
                               "set", "frozenset", "Exception", "bytearray"])
        elif r < 0.4 and self.classes:
            bases = self.pick(self.classes)
        elif r < 0.45 and len(self.classes) >= 2:
            bases = "%s, %s" % tuple(self.r.sample(self.classes, 2))
        meta = ""
        if self.chance(0.08):
            meta = ", metaclass=Meta"
        out = ["class %s(%s%s):" % (name, bases, meta)]
        if self.chance(0.1):
            out.append("    __slots__ = ('v', '_it')")
        if bases == "object" or self.chance(0.5):
            out.append("    def __init__(self, v=0, *a, **k):")
            out.append("        try: self.v = v; self._it = iter(range(3))")
            out.append("        except Exception: pass")
        if bases in ("int", "str", "tuple", "float", "bytes", "frozenset"):
            out.append("    def __new__(cls, v=0, *a, **k):")
            out.append("        try: return super().__new__(cls, %s)" % {
                "int": "v if type(v) is int else 0", "str": "str(v)[:20]",
                "tuple": "(v, v)", "float": "1.5", "bytes": "b'z'",
                "frozenset": "(1, 2)"}[bases])
            out.append("        except Exception: return super().__new__(cls)")
        if self.chance(0.05):
            out.append("    __hash__ = None")
        # Binary operators, comparisons.
        for d in self.r.sample(BIN_DUNDERS, self.r.randint(0, 4)):
            for prefix in self.r.sample(["", "r", "i"], self.r.randint(1, 2)):
                out.append("    def __%s%s__(self, other):" % (prefix, d))
                out += ["        " + l for l in self.bad_body(self.pick(["self.v", "1", "self"]))]
        for d in self.r.sample(CMP_DUNDERS, self.r.randint(0, 4)):
            out.append("    def __%s__(self, other):" % d)
            out += ["        " + l for l in self.bad_body(self.pick(["True", "False",
                                                                     "getattr(self, 'v', 0) is getattr(other, 'v', 1)"]))]
        for d in self.r.sample(UNARY_DUNDERS, self.r.randint(1, 7)):
            good = GOOD.get(d)
            deco = ""
            if d in CLASSMETHOD_DUNDERS:
                out.append("    @classmethod")
                first = "cls"
            else:
                first = "self"
            params = PARAMS.get(d, "")
            out.append("    def __%s__(%s%s):%s" % (d, first, (", " + params) if params else "", deco))
            body = self.bad_body(good)
            if first == "cls":
                body = [l.replace("self", "cls") for l in body]
            out += ["        " + l for l in body]
        if self.chance(0.2):
            out.append("    @property")
            out.append("    def p(self):")
            out += ["        " + l for l in self.bad_body("self.v")]
        if self.chance(0.15):
            out.append("    attr = Desc()")
        self.classes.append(name)
        return out

    # ---- cases -------------------------------------------------------------------------
    def case(self):
        kinds = [
            (12, self.case_binop), (10, self.case_container_op), (8, self.case_sort),
            (6, self.case_builtin_call), (5, self.case_format), (5, self.case_iter),
            (4, self.case_generator), (4, self.case_attr), (3, self.case_recursion),
            (3, self.case_dict_keys), (3, self.case_exceptions), (2, self.case_class_tricks),
            (2, self.case_convert), (2, self.case_closure), (2, self.case_builtin_methods),
            (6, self.case_unbound_methods), (6, self.case_index_mutates), (3, self.case_func_attrs),
            (3, self.case_exec), (3, self.case_class_creation), (3, self.case_with_except),
            (2, self.case_odd_returns), (2, self.case_dict_ops),
        ]
        total = sum(w for w, _ in kinds)
        x = self.r.uniform(0, total)
        for w, f in kinds:
            x -= w
            if x <= 0:
                return f()
        return kinds[0][1]()

    def case_binop(self):
        a, b = self.expr(), self.expr()
        r = self.r.random()
        if r < 0.5:
            return ["x = %s %s %s" % (a, self.pick(BINOPS + CMPOPS), b), "out(x)"]
        if r < 0.7:
            return ["x = %s" % a, "x %s= %s" % (self.pick(BINOPS), b), "out(x)"]
        if r < 0.8:
            return ["out(divmod(%s, %s))" % (a, b)]
        if r < 0.9:
            return ["out(pow(%s, %s, %s))" % (a, b, self.atom())]
        return ["out(%s < %s < %s)" % (a, b, self.atom())]

    def key_fn(self):
        return self.pick([
            "lambda x: len(L) < 99 and L.append(x) or 0", "lambda x: L.clear() or 1", "lambda x: D.clear() or 0",
            "lambda x: x", "lambda x: -1 if L.pop() else 1", "lambda x: %s" % self.atom(),
            "lambda x: len(S) < 99 and S.add(len(S)) or 0", "lambda x: (L.sort(), 0)[1]",
            "lambda x: L.__setitem__(slice(None), [2, 1]) or 0", "lambda x: 1/0",
            "lambda x: [x][0]", "lambda x: repr(x)", "lambda x: hash(x)", "len", "id", "str",
        ])

    def case_sort(self):
        fill = "L[:] = [%s]" % ", ".join(self.atom() for _ in range(self.r.randint(0, 8)))
        op = self.pick([
            "L.sort()", "L.sort(key=%s)" % self.key_fn(), "L.sort(reverse=True)",
            "out(sorted(L, key=%s))" % self.key_fn(), "out(min(L))", "out(max(L, key=%s))" % self.key_fn(),
            "out(min(L, default=None, key=%s))" % self.key_fn(), "out(sorted(D))", "out(sorted(S))",
            "L.sort(key=%s, reverse=True)" % self.key_fn(), "out(max(%s, %s))" % (self.atom(), self.atom()),
        ])
        return [fill, op, "out(len(L))"]

    def case_container_op(self):
        x = self.atom()
        fill = self.pick([
            "L[:] = [%s]" % ", ".join(self.atom() for _ in range(self.r.randint(0, 6))),
            "D.update({%s})" % ", ".join("%s: %s" % (self.atom(), self.atom()) for _ in range(self.r.randint(0, 4))),
            "S.update([%s])" % ", ".join(self.atom() for _ in range(self.r.randint(0, 4))),
            "pass",
        ])
        op = self.pick([
            "out(%s in L)" % x, "out(L.index(%s))" % x, "out(L.count(%s))" % x, "L.remove(%s)" % x,
            "D[%s] = %s" % (x, self.atom()), "out(D.get(%s))" % x, "out(%s in D)" % x,
            "del D[%s]" % x, "out(D.pop(%s, None))" % x, "out(D.setdefault(%s, 1))" % x,
            "S.add(%s)" % x, "out(%s in S)" % x, "S.discard(%s)" % x, "S.remove(%s)" % x,
            "out(S | {%s})" % x, "out(S & {%s, 1})" % x, "out(S - {%s})" % x, "out(S ^ {%s})" % x,
            "out(S == {%s})" % x, "out(S <= {%s})" % x, "out(S.issubset([%s]))" % x,
            "out(S.isdisjoint([%s]))" % x, "out(L == [%s])" % x, "out(L < [%s])" % x,
            "out(tuple(L) == (%s,))" % x, "out((%s,) < tuple(L))" % x, "out(L + [%s])" % x,
            "L[%s:%s] = [%s]" % (self.atom(), self.atom(), x), "out(L[%s])" % x,
            "L[%s] = %s" % (x, self.atom()), "del L[%s]" % x, "out(L * %s)" % x,
            "out({%s: 1, %s: 2})" % (x, self.atom()), "out({%s, %s})" % (x, self.atom()),
            "out(dict.fromkeys([%s, %s]))" % (x, self.atom()), "out(set([%s, %s]))" % (x, self.atom()),
            "out(frozenset([%s]) == frozenset([%s]))" % (x, self.atom()),
            "out(D == {%s: 1})" % x, "out(D.items() & {(%s, 1)})" % x, "out(%s in D.values())" % x,
            "out(D.keys() - [%s])" % x, "out([%s].count(%s))" % (x, self.atom()),
            "out(list(reversed(L)))", "out(L.copy() == L)", "out(D | {%s: 2})" % x,
            "D |= {%s: 3}" % x, "out(L.insert(%s, %s))" % (self.atom(), x),
            "out(L.pop(%s))" % x, "out((%s) in T)" % x, "out(B.find(%s))" % x,
            "out(%s in B)" % x, "B[%s] = %s" % (self.atom(), x), "out(bytes(%s))" % x,
            "out(%s in 'abc')" % x, "out(%s in range(10))" % x, "out(range(10).index(%s))" % x,
            "out(%s in b'abc')" % x, "out(%s in (1, 2, 3))" % x, "out(%s in iter([1, 2]))" % x,
            "out([1, 2, 3][%s])" % x, "out('abc'[%s])" % x, "out((1, 2)[%s:])" % x,
        ])
        return [fill, op]

    def case_builtin_call(self):
        a = self.iter_atom()
        f = self.pick(["len", "hash", "bool", "int", "float", "complex", "str", "repr", "bytes",
                       "bytearray", "list", "tuple", "set", "frozenset", "dict", "iter", "next",
                       "reversed", "sorted", "sum", "min", "max", "any", "all", "abs", "round",
                       "chr", "ord", "hex", "oct", "bin", "ascii", "callable", "type", "dir",
                       "vars", "enumerate", "zip", "map", "filter", "range", "slice", "divmod",
                       "isinstance", "issubclass", "getattr", "hasattr", "format", "print",
                       "memoryview", "id", "iter"])
        nargs = self.r.randint(0, 3)
        args = [a] + [self.atom() for _ in range(nargs)]
        if f in ("enumerate", "zip", "map", "filter", "reversed", "iter"):
            return ["out(list(%s(%s)))" % (f, ", ".join(args))]
        if f == "map" or f == "filter":
            return ["out(list(%s(%s, %s)))" % (f, self.key_fn(), a)]
        return ["out(%s(%s))" % (f, ", ".join(args[:self.r.randint(1, len(args))]))]

    def case_format(self):
        a, b = self.atom(), self.atom()
        spec = self.pick(["", "d", "x", "10", "<5", "^9", ">+3", ",", "_", ".3f", "e", "%",
                          "#x", "08.2f", "s", "r", "c", "n", "=10", "*^20", ".0", ".100", "+.2e",
                          "b", "o", "X", "g", "G", ".1%", "#o", "300", "." + "9" * 12])
        return [self.pick([
            "out('%%s %%r' %% (%s, %s))" % (a, b), "out('%%d' %% (%s,))" % a,
            "out('%%x %%c' %% (%s, %s))" % (a, b), "out('%%(k)s' %% {'k': %s})" % a,
            "out('%%*d' %% (%s, %s))" % (a, b), "out('%%.*f' %% (%s, %s))" % (a, b),
            "out(b'%%s %%a' %% (%s, %s))" % (a, b), "out(b'%%d %%c' %% (%s, %s))" % (a, b),
            "out('%%s' %% %s)" % a, "out('%%%s' %% (%s,))" % (spec, a),
            "out(format(%s, %r))" % (a, spec), "out('{0:%s}'.format(%s))" % (spec, a),
            "out('{0!r} {1!s} {0!a}'.format(%s, %s))" % (a, b), "fa = %s\nout(f'{fa!r:>{3}}')" % a,
            "fa, fb = %s, %s\nout(f'{fa}{fb:%s}')" % (a, b, spec), "out('{x[0]}{x.real}'.format(x=%s))" % a,
            "out('{}'.format_map(%s))" % a, "out(''.join(%s))" % a, "out(b'-'.join(%s))" % a,
            "out(str(%s, 'utf-8'))" % a, "out((%s).encode())" % a, "out('abc'.center(%s, %s))" % (a, b),
            "out('a,b'.split(%s))" % a, "out('abc'.replace(%s, %s))" % (a, b),
            "out('abc' * %s)" % a, "out((%s).join(['a', 'b']))" % a, "out('abc'.startswith(%s))" % a,
            "out(str.__mod__(%s, %s))" % (a, b), "out(bytes.fromhex(%s))" % a,
            "out('x'.translate(%s))" % a, "out('abc'.count(%s, %s))" % (a, b),
        ])]

    def case_iter(self):
        a = self.iter_atom()
        return [self.pick([
            "x, y = %s" % a, "x, *y = %s" % a, "out([*%s])" % a, "out({**%s})" % a,
            "out(print(*%s, sep=''))" % a, "out(dict(%s))" % a, "out(list(zip(%s, L)))" % a,
            "for i, v in enumerate(%s):\n    L.append(v)\n    if i > 20: break" % a,
            "for v in L:\n    L.append(%s)\n    if len(L) > 30: break" % a,
            "for k in D:\n    D[%s] = 1" % a, "for v in S:\n    S.add(%s)" % a,
            "it = iter(%s)\nout(next(it, None))\nout(list(it))" % a,
            "out(sum(%s, %s))" % (a, self.atom()), "out(sorted(%s))" % a,
            "def f(*a, **k): return a, k\nout(f(*%s, **%s))" % (a, self.atom()),
            "out(list(map(%s, L)))" % self.key_fn(), "out(list(filter(%s, %s)))" % (self.key_fn(), a),
            "out(tuple(%s))" % a, "out(bytearray(%s))" % a, "out(bytes(%s))" % a,
            "out(list(reversed(%s)))" % a, "L.extend(%s)" % a, "S.update(%s)" % a, "D.update(%s)" % a,
            "out([x for x in %s if len(L) < 60 and L.append(x) is None])" % a,
            "out(any(%s))" % a, "out(all(%s))" % a, "out(min(%s, default=0))" % a,
            "out(list(range(10))[%s])" % a, "out(L.__iter__().__length_hint__())",
        ])]

    def case_generator(self):
        body = self.pick([
            "    yield 1\n    yield 2\n",
            "    try:\n        yield 1\n    finally:\n        %s\n" % self.pick(["yield 9", "raise ValueError", "return 3", "pass", "L.append(1)"]),
            "    try:\n        yield 1\n    except GeneratorExit:\n        %s\n" % self.pick(["yield 2", "raise", "return", "raise StopIteration"]),
            "    x = yield 1\n    out(x)\n    yield from [x, x]\n",
            "    yield from g_inner()\n",
            "    for _ in range(30):\n        try:\n            yield len(L)\n        except Exception as e:\n            out(type(e).__name__)\n            break\n",
            "    yield gen_ref[0].send(None)\n",
            "    raise StopIteration\n    yield\n",
            "    return (yield)\n",
        ])
        ops = []
        for _ in range(self.r.randint(1, 5)):
            ops.append(self.pick([
                "out(next(g, 'end'))", "out(g.send(%s))" % self.atom(), "g.close()",
                "out(g.throw(%s))" % self.pick(["ValueError", "ValueError('x')", "GeneratorExit",
                                                "StopIteration", "TypeError, TypeError('t')",
                                                "KeyError, None, None", "Exception()", "BaseException"]),
                "out(list(g))", "out(g.gi_running, g.gi_frame is None)", "del g\ng = gen()",
                "out(g.gi_yieldfrom)",
            ]))
        lines = ["def g_inner():\n    yield 'a'\n    yield 'b'",
                 "def gen():\n" + body.rstrip("\n"),
                 "g = gen()", "gen_ref = [g]"]
        for op in ops:
            lines.append("try:\n    " + op.replace("\n", "\n    ") + "\nexcept Exception as e:\n    out(type(e).__name__)")
        return lines

    def case_attr(self):
        a = self.atom()
        name = self.pick(["v", "p", "attr", "x", "__class__", "__dict__", "__len__", "missing",
                          "__eq__", "__hash__", "real", "append", "_it", "__slots__", "__mro__"])
        return [self.pick([
            "out(getattr(%s, %r, None))" % (a, name), "setattr(%s, %r, %s)" % (a, name, self.atom()),
            "delattr(%s, %r)" % (a, name), "out(hasattr(%s, %r))" % (a, name),
            "o = %s\no.%s = %s\nout(o.%s)" % (a, name, self.atom(), name),
            "out(type(%s).%s)" % (a, name), "out(vars(%s))" % a, "out(dir(%s)[:3])" % a,
            "o = %s\no.__class__ = %s\nout(type(o))" % (a, self.pick(self.classes or ["int"])),
            "%s.%s = %s" % (self.pick(self.classes or ["Odd"]), self.pick(["__eq__", "__hash__", "__lt__", "__len__", "__iter__", "__getitem__", "__call__", "__repr__", "__index__", "__bool__", "__add__"]), self.pick(["None", "lambda *a: 1", "lambda *a: 1/0", "len", "print", "Odd()", "lambda s, *a: L.clear()"])),
            "del %s.%s" % (self.pick(self.classes or ["Odd"]), self.pick(["__eq__", "__hash__", "__lt__", "__len__", "__init__", "__repr__"])),
            "out((%s).attr)" % a, "out((%s).p)" % a, "(%s).attr = 1" % a, "del (%s).attr" % a,
            "out(super(type(%s), %s).__repr__())" % (a, a),
            "out(object.__getattribute__(%s, %r))" % (a, name),
        ])]

    def case_recursion(self):
        n = self.pick(["50", "500", "3000", "100000"])
        return [self.pick([
            "def f(n): return f(n + 1) + 1\nout(f(0))",
            "x = []\nfor i in range(%s): x = [x]\nout(len(repr(x)) > 0)" % n,
            "x = ()\nfor i in range(%s): x = (x,)\nout(x == x)" % n,
            "x = {}\nfor i in range(%s): x = {1: x}\nout(str(x)[:5])" % n,
            "x = []\nx.append(x)\nout(x == x)\nout(repr(x))\nout(x < x)",
            "d = {}\nd[1] = d\nout(d == d)\nout(repr(d))\nout(d.copy() == d)",
            "class R:\n    def __repr__(self): return repr([self])\nout(repr(R()))",
            "class R:\n    def __eq__(self, o): return [self] == [o]\nout(R() == R())",
            "class R:\n    def __getattr__(self, n): return getattr(self, n + 'x')\nout(R().a)",
            "class R:\n    def __len__(self): return len(self)\nout(len(R()))",
            "class R:\n    def __iter__(self): return iter(list(self))\nout(list(R()))",
            "class R:\n    def __hash__(self): return hash((self,))\nout({R(): 1})",
            "x = %s\nfor i in range(%s): x = [x, %s]\nout(x == x)" % (self.atom(), n, self.atom()),
            "def g(n):\n    yield from g(n + 1)\nout(list(g(0)))",
            "out(eval('(' * 150 + '1' + ')' * 150))",
            "out(eval('-' * %s + '1'))" % self.pick(["100", "1000", "100000"]),
            "out(eval('[' * {0} + ']' * {0}))".format(self.pick(["50", "150"])),
        ])]

    def case_dict_keys(self):
        cls = self.pick(self.classes) if self.classes else "Odd"
        return [self.pick([
            "k = [%s(i) for i in range(8)]\nd = {x: i for i, x in enumerate(k)}\nout(len(d))\nfor x in k: out(d.get(x))" % cls,
            "k = [%s(i) for i in range(8)]\ns = set(k)\nout(len(s))\nout(k[0] in s)\ns -= set(k[:3])\nout(len(s))" % cls,
            "d = {%s(1): 1}\nd[%s(1)] = 2\nout(len(d))\ndel d[%s(1)]" % (cls, cls, cls),
            "d = dict.fromkeys([%s(i) for i in range(5)])\nout(d == dict.fromkeys([%s(i) for i in range(5)]))" % (cls, cls),
            "L[:] = [%s(i) for i in range(10)]\nD.clear()\nD.update((x, x) for x in L)\nL.sort()\nout(len(D))" % cls,
            "out({%s(1), %s(2)} == {%s(2), %s(1)})" % (cls, cls, cls, cls),
            "a = [%s(i) for i in range(5)]\nb = list(a)\nout(a == b)\nout(a.index(b[3]))\nout(b.count(a[1]))" % cls,
        ])]

    def case_exceptions(self):
        a = self.atom()
        return [self.pick([
            "try:\n    raise %s\nexcept %s as e:\n    out(type(e).__name__)" % (self.pick(EXC), self.pick(EXC)),
            "try:\n    raise %s from %s\nexcept BaseException as e:\n    out(repr(e.__cause__))" % (self.pick(EXC), a),
            "e = %s()\ne.__cause__ = %s\nout(e.__cause__)" % (self.pick(EXC), a),
            "e = %s()\ne.__context__ = %s\nout(e.__context__)" % (self.pick(EXC), a),
            "e = %s()\ne.__traceback__ = %s" % (self.pick(EXC), a),
            "e = Exception(%s)\nout(str(e))\nout(repr(e))\nout(e.args)" % a,
            "class E(Exception):\n    def __str__(self): return %s\ntry:\n    raise E()\nexcept E as e:\n    out(str(e))" % a,
            "try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\nexcept* ValueError as e:\n    out(repr(e))\nexcept* TypeError:\n    out('t')",
            "try:\n    try:\n        raise %s\n    finally:\n        out(%s)\nexcept BaseException as e:\n    out(type(e).__name__)" % (self.pick(EXC), a),
            "with %s as w:\n    out(w)" % a,
            "try:\n    raise %s\nexcept BaseException:\n    try:\n        raise %s\n    except BaseException as e2:\n        out(type(e2.__context__).__name__)" % (self.pick(EXC), self.pick(EXC)),
            "out(isinstance(%s, %s))" % (a, self.pick(["(int, (str, (list,)))", "int", "Meta", "Odd", "(" + ", ".join(self.classes[:3] or ["int"]) + ",)"])),
            "out(issubclass(%s, %s))" % (self.pick(self.classes or ["int"]), self.pick(["object", "Exception", "(int, str)", "Odd"])),
        ])]

    def case_class_tricks(self):
        cls = self.pick(self.classes) if self.classes else "Odd"
        return [self.pick([
            "class K(%s):\n    pass\nout(K.__mro__)\nk = K()\nout(k == k)" % cls,
            "class K(%s):\n    def __eq__(self, o): return NotImplemented\n    __hash__ = object.__hash__\nout(K() == K())" % cls,
            "out(%s.__dict__.get('__eq__'))" % cls,
            "type.__setattr__(%s, 'x', 1)\nout(%s.x)" % (cls, cls),
            "K = type('K', (%s,), {'__len__': lambda s: -1})\nout(len(K()))" % cls,
            "K = type('K', (%s,), {'__bool__': lambda s: 2})\nout(bool(K()))" % cls,
            "K = type('K', (%s,), {'__index__': lambda s: 2**70})\nout([1][K():])" % cls,
            "K = type('K', (%s,), {'__hash__': lambda s: 2**70})\nout(hash(K()))" % cls,
            "K = type('K', (%s,), {'__iter__': lambda s: 1})\nout(list(K()))" % cls,
            "o = %s()\nout(o.__reduce_ex__(2)[0] is not None)" % cls,
            "out(%s.__subclasses__())" % cls, "out(type(%s).__call__(%s))" % (cls, cls),
            "out(object.__new__(%s))" % cls, "out(%s.mro())" % cls,
            "out(%s.__init__(%s(), 1, 2))" % (cls, cls),
        ])]

    def case_convert(self):
        a = self.atom()
        return [self.pick([
            "out(int(%s))" % a, "out(int(%s, %s))" % (a, self.atom()), "out(float(%s))" % a,
            "out(complex(%s, %s))" % (a, self.atom()), "out(round(%s, %s))" % (a, self.atom()),
            "out(bool(%s))" % a, "out(chr(%s))" % a, "out(range(%s))" % a, "out(range(%s)[%s])" % (a, self.atom()),
            "out(len(range(%s, %s, %s)))" % (a, self.atom(), self.atom()),
            "out('ab'[%s:%s:%s])" % (a, self.atom(), self.atom()), "out(bytes(%s))" % a,
            "out(bytearray(%s))" % a, "out(list(range(%s))[::%s])" % ("5", a),
            "out([0] * %s)" % a, "out(b'x' * %s)" % a, "out(hash(%s))" % a,
            "out(int.from_bytes(%s, 'big'))" % a, "out((%s).to_bytes(4, 'little'))" % a,
            "out(math.floor(%s))" % a, "out(math.gcd(%s, %s))" % (a, self.atom()),
            "out(math.isqrt(%s))" % a, "out(math.factorial(%s))" % self.pick(["20", "Odd()", "-1", "MyInt(3)", "2.0", "'s'"]),
            "out(float(%s).is_integer())" % a, "out(abs(%s))" % a,
        ])]

    def case_closure(self):
        return [self.pick([
            "def mk(n):\n    x = %s\n    def f(): return x\n    return f\nout(mk(1)())" % self.atom(),
            "fs = [lambda i=i: i * %s for i in range(3)]\nout([f() for f in fs])" % self.atom(),
            "def deco(f):\n    def w(*a, **k): return f(*a, **k)\n    return w\n@deco\ndef h(x): return x + %s\nout(h(1))" % self.atom(),
            "def f(a, b=%s, *c, d, **e): return a, b, c, d, e\nout(f(1, d=%s))" % (self.atom(), self.atom()),
            "out(sorted([3, 1, 2], key=%s))" % self.key_fn(),
        ])]

    def case_builtin_methods(self):
        a = self.atom()
        recv = self.pick(["L", "D", "S", "B", "T", "'abc'", "b'abc'", "(1, 2)", "frozenset({1})"])
        meth = self.pick(["__eq__", "__lt__", "__contains__", "__getitem__", "__add__", "__mul__",
                          "__iadd__", "__and__", "__or__", "__len__", "__iter__", "__hash__",
                          "__repr__", "index", "count", "copy", "__reduce__", "__sizeof__",
                          "__class_getitem__", "__format__", "__ne__", "__init__"])
        return ["out(getattr(%s, %r)(%s))" % (recv, meth, a)]

    def case_unbound_methods(self):
        """A builtin's method called through its class with a self of another type."""
        tp = self.pick(["list", "dict", "set", "frozenset", "tuple", "str", "bytes", "bytearray",
                        "int", "float", "complex", "object", "type", "range", "slice",
                        "BaseException", "memoryview", "bool", "property", "classmethod",
                        "staticmethod", "super", "map", "zip", "enumerate", "reversed"])
        recv = self.pick([self.atom(), "L", "D", "S", "B", "%s()" % tp, "None", "1", "'s'",
                          "MyList([1])", "MyDict()", "Odd()", "[]", "{}", "b''", "type"])
        args = ", ".join(self.atom() for _ in range(self.r.randint(0, 3)))
        return ["m = sorted(n for n in dir(%s))" % tp,
                "m = m[%d %% len(m)]" % self.r.randrange(1000),
                "f = getattr(%s, m)" % tp,
                "out(m)",
                "out(f(%s%s))" % (recv, (", " + args) if args else ""),
                "out(f.__get__(%s)(%s))" % (recv, args) if self.chance(0.3) else "pass"]

    def case_index_mutates(self):
        """__index__/__eq__ that empty or grow the sequence being indexed."""
        mut = self.pick(["L.clear()", "del L[:]", "L.extend(range(50))", "L[:] = []",
                         "B.clear()", "B.extend(b'x' * 100)", "D.clear()", "S.clear()",
                         "L.append(1)", "B[:] = b''"])
        ret = self.pick(["0", "1", "-1", "2", "100", "-100", "2**62", "True"])
        op = self.pick([
            "L[I()]", "L[I():]", "L[:I()]", "L[::I()]", "L[I():I()] = [9, 9]", "del L[I()]",
            "del L[I():]", "L.insert(I(), 5)", "L.pop(I())", "L.index(3, I())", "L.index(3, 0, I())",
            "L[I()] = 5", "L[I():I():I()] = []", "B[I()]", "B[I():]", "B[I()] = 5",
            "B[I():I()] = b'abc'", "del B[I()]", "B.insert(I(), 65)", "B.pop(I())",
            "B[::I()]", "(1, 2, 3)[I()]", "'abc'[I():]", "range(10)[I()]", "[1, 2][I():]",
            "L * I()", "B * I()", "L.__imul__(I())", "B.__imul__(I())", "bytes(I())",
            "bytearray(I())", "list(range(I()))", "'x'.ljust(I())", "B.find(I())",
            "B.count(I())", "I() in B", "L.index(Eq())", "L.count(Eq())", "Eq() in L",
            "L.remove(Eq())", "L == [Eq()] * len(L)", "[Eq()] * 3 == L", "tuple(L) == (Eq(),) * 3",
            "sorted(L + [Eq()])", "D.get(Eq())", "Eq() in D", "D[Eq()] = 1", "Eq() in S",
            "S.discard(Eq())", "B.index(I())", "memoryview(B)[I()]",
            "B.__setitem__(slice(I(), None), memoryview(B))", "L.__setitem__(slice(I(), None), L)",
            "L[I():] = (x for x in L)", "B[I():] = (x for x in B)", "L.extend(x for x in L if len(L) < 99)",
        ])
        return ["class I:",
                "    def __index__(self):",
                "        %s" % mut,
                "        return %s" % ret,
                "class Eq:",
                "    def __eq__(self, o):",
                "        %s" % mut,
                "        return %s" % self.pick(["True", "False", "NotImplemented", "1/0", "Odd()"]),
                "    __hash__ = lambda self: %s" % self.pick(["1", "hash(3)", "hash('a')", "0"]),
                "L[:] = [3, 1, 2, 3, 5]",
                "B[:] = b'abcde'",
                "D.clear(); D.update({1: 1, 3: 3, 'a': 0})",
                "S.clear(); S.update({1, 3, 'a'})",
                "out(%s)" % op if "=" not in op.split("[")[0] and not op.startswith("del ") and " = " not in op else op,
                "out(L)", "out(B)"]

    def case_func_attrs(self):
        return [self.pick([
            "def f(a, b=1, *, c=2): return a, b, c\nf.__defaults__ = %s\nout(f(0))" % self.pick(["(1, 2, 3)", "()", "None", "(Odd(),)", "[1]", "(1,)"]),
            "def f(a, b=1, *, c=2): return a, b, c\nf.__kwdefaults__ = %s\nout(f(0))" % self.pick(["{}", "None", "{'c': Odd()}", "{1: 2}", "{'zz': 1}"]),
            "def f(x): return x\ndef g(): return y\ny = 3\nf.__code__ = g.__code__\nout(f())",
            "def mk():\n    v = 1\n    def h(): return v\n    return h\nh = mk()\ndef f(): return 1\nf.__code__ = h.__code__\nout(f())",
            "def f(): return 1\nout(f.__closure__, f.__globals__ is globals())\nf.__name__ = %s\nout(f)" % self.pick(["'n'", "1", "None"]),
            "def f(): return 1\nf.__qualname__ = %s\nout(repr(f)[:20])" % self.pick(["'q'", "1"]),
            "import sys\nfr = sys._getframe()\nout(fr.f_lineno)\nout(fr.f_back)\nout(type(fr.f_locals))",
            "def gen():\n    yield sys._getframe()\ng = gen()\nfr = next(g)\nout(fr.f_code.co_name)\ng.close()\nout(fr.f_locals)",
            "out(type(lambda: 0)(%s, {}))" % self.pick(["(lambda: 1).__code__", "None", "1"]),
            "c = (lambda a, b: a + b).__code__\nout(c.co_varnames, c.co_argcount, c.co_consts)",
            "f = lambda: 0\nf.__dict__ = %s\nout(f.__dict__)" % self.pick(["{}", "None", "[]", "MyDict()"]),
            "out(%s.__get__(%s, %s))" % (self.pick(["(lambda s: s)", "len", "[].append", "str.upper", "property(len)", "classmethod(len)", "staticmethod(len)"]), self.atom(), self.pick(["None", "int", "type(None)", "1"])),
            "p = property(%s, %s)\nclass K:\n    x = p\nk = K()\nout(k.x)\nk.x = 1\ndel k.x" % (self.pick(["None", "len", "1", "lambda s: 1/0"]), self.pick(["None", "len", "lambda s, v: L.clear()"])),
        ])]

    def case_exec(self):
        src = self.pick(["'x = 1'", "'1 +'", "'len'", "'y = x'", "'del x'", "'import sys'",
                         "'def f(): return x\\nf()'", "'class K: pass'", "'[x for x in range(3)]'",
                         "'nonlocal q'", "'return 1'", "'yield 1'", "'await x'",
                         "'lambda: (yield)'", "'global g\\ng = 1'", "b'x = 1'", "'\\x00'", "1", "None"])
        g = self.pick(["{}", "{'x': 1}", "MyDict()", "D", "globals()", "{'__builtins__': {}}",
                       "dict(__builtins__=None)", "{'__builtins__': __builtins__}"])
        l = self.pick(["None", "{}", "MyDict(a=1)", "D", "Odd()", "L", "locals()"])
        fn = self.pick(["exec", "eval", "compile"])
        if fn == "compile":
            return ["out(compile(%s, %s, %s))" % (src, self.pick(["'f'", "''", "1", "b'f'"]),
                                                  self.pick(["'exec'", "'eval'", "'single'", "'bad'"]))]
        return ["out(%s(%s, %s, %s))" % (fn, src, g, l)]

    def case_class_creation(self):
        base = self.pick(self.classes + ["int", "list", "dict", "object", "Exception", "type", "str"])
        return [self.pick([
            "class M(type):\n    @classmethod\n    def __prepare__(m, n, b, **k): return %s\nclass K(metaclass=M):\n    a = 1\nout(K.__dict__.get('a'))" % self.pick(["{}", "MyDict()", "D", "None", "1", "[]", "{'a': 2}"]),
            "class B:\n    def __mro_entries__(self, b): return %s\nclass K(B()):\n    pass\nout(K.__mro__)" % self.pick(["(int,)", "()", "(1,)", "None", "(%s,)" % base, "(object, object)"]),
            "class K(%s):\n    def __init_subclass__(cls, **k): L.clear(); raise %s\nclass K2(K): pass" % (base, self.pick(EXC)),
            "class SN:\n    def __set_name__(self, o, n): %s\nclass K(%s):\n    a = SN()\n    b = SN()\nout(K.__dict__.keys())" % (self.pick(["o.c = 1", "del o.b", "raise ValueError", "setattr(o, n, 1)", "L.clear()"]), base),
            "K = type('K', (%s,), %s)\nout(K.__mro__)" % (base, self.pick(["{}", "{'__slots__': ('a',)}", "{'__slots__': 1}", "{'__qualname__': 1}", "{'__dict__': 1}", "{'__classcell__': 1}", "MyDict()", "{'__init__': 1}"])),
            "class K(%s): pass\nK.__bases__ = %s\nout(K.__mro__)" % (base, self.pick(["(object,)", "(int,)", "()", "(K,)", "(Odd,)", "(Odd, %s)" % base, "1"])),
            "class K(%s): pass\nk = K()\nk.__class__ = %s\nout(type(k))" % (base, self.pick(["Odd", "int", "object", "MyList", "MyDict", "K", base, "type"])),
            "class M(type):\n    def mro(cls): return %s\nclass K(%s, metaclass=M): pass\nout(K.__mro__)" % (self.pick(["[cls, object]", "[object]", "[]", "[1]", "(cls, Odd, object)", "super().mro()"]), self.pick(["object", "Odd"])),
            "class K(%s):\n    __slots__ = %s\nk = K()\nout(k)" % (self.pick(["object", "Odd", "int", "tuple", "Exception"]), self.pick(["('a', 'a')", "('__dict__',)", "('__dict__', '__dict__')", "'a'", "('a', 1)", "()", "('__weakref__',)"])),
            "class K(%s):\n    def __new__(cls, *a): return %s\nout(K())" % (base, self.pick(["1", "None", "object.__new__(Odd)", "super().__new__(cls)", "cls"])),
            "out(%s[int])" % self.pick(["list", "dict", "tuple", "type", base]),
            "out(int | %s)" % self.pick(["str", "None", "1", "list[int]", "Odd", base]),
        ])]

    def case_with_except(self):
        return [self.pick([
            "class CM:\n    def __enter__(self): %s\n    def __exit__(self, *a): %s\nwith CM() as c:\n    %s" % (
                self.pick(["return self", "raise ValueError", "return 1", "L.clear()"]),
                self.pick(["return True", "return False", "raise TypeError", "return Odd()", "return 1/0", "L.clear()"]),
                self.pick(["raise KeyError", "pass", "out(c)", "return" if False else "1/0", "raise StopIteration"])),
            "try:\n    raise %s\nexcept %s:\n    out('caught')" % (self.pick(["ValueError", "1", "Odd()", "None", "type", "Exception()"]),
                                                          self.pick(["(ValueError, 1)", "1", "Odd", "(Odd, (TypeError,))", "ValueError", "()"])),
            "class E(Exception):\n    def __new__(cls, *a): return %s\ntry:\n    raise E\nexcept BaseException as e:\n    out(type(e))" % self.pick(["1", "ValueError()", "None", "super().__new__(cls)", "Exception.__new__(ValueError)"]),
            "e = ValueError('x')\ne.__traceback__ = None\ne.__suppress_context__ = %s\ne.args = %s\nout(str(e))" % (self.pick(["1", "None", "True"]), self.pick(["()", "1", "(1, 2)", "[1]", "None"])),
            "try:\n    try:\n        raise ValueError\n    finally:\n        raise\nexcept BaseException as e:\n    out(type(e))",
            "def gen():\n    try:\n        yield\n    except BaseException as e:\n        raise e.with_traceback(None)\ng = gen()\nnext(g)\nout(g.throw(%s))" % self.pick(["ValueError", "KeyboardInterrupt", "GeneratorExit", "StopIteration"]),
            "eg = ExceptionGroup('g', [ValueError(1), ExceptionGroup('h', [TypeError(2)])])\nout(eg.split(ValueError))\nout(eg.subgroup(lambda e: %s))" % self.pick(["True", "False", "L.clear()", "1/0", "isinstance(e, TypeError)"]),
            "try:\n    raise ExceptionGroup('g', [%s])\nexcept* %s:\n    out('c')" % (self.pick(["ValueError()", "KeyError(), KeyError()", "ExceptionGroup('i', [ValueError()])"]), self.pick(["ValueError", "KeyError", "(ValueError, KeyError)", "Exception"])),
        ])]

    def case_odd_returns(self):
        d = self.pick(["__index__", "__int__", "__float__", "__complex__", "__bytes__", "__str__",
                       "__repr__", "__format__", "__len__", "__hash__", "__bool__", "__iter__",
                       "__next__", "__length_hint__", "__round__", "__abs__", "__neg__", "__trunc__",
                       "__fspath__", "__reversed__", "__sizeof__", "__dir__", "__getitem__", "__contains__"])
        ret = self.pick(["MyInt(3)", "MyStr('s')", "MyFloat(1.5)", "MyBytes(b'b')", "bytearray(b'b')",
                         "True", "2**100", "-1", "None", "self", "1.5", "'s'", "b'b'", "[]", "NotImplemented",
                         "-2**63", "2**63", "iter(L)", "L"])
        use = self.pick(["operator.index(o)", "int(o)", "float(o)", "complex(o)", "bytes(o)", "str(o)", "repr(o)",
                         "format(o, '')", "len(o)", "hash(o)", "bool(o)", "list(o)", "next(o)", "list(iter(o))",
                         "round(o)", "abs(o)", "-o", "math.trunc(o)", "reversed(o)", "sys.getsizeof(o)", "dir(o)",
                         "o[0]", "1 in o", "[1, 2, 3][o]", "range(o)", "'%d' % o", "'%s' % o", "'{}'.format(o)",
                         "f'{o!r}'", "'ab' * o", "divmod(o, 2)", "math.floor(o)", "bytearray(o)", "[o] * o"])
        return ["import operator",
                "class O:\n    def %s(self, *a):\n        return %s\no = O()" % (d, ret),
                "out(%s)" % use]

    def case_dict_ops(self):
        k = self.pick(["Eqm()", "Eqm() for _ in range(3)"])
        return ["class Eqm:\n    def __eq__(self, o): %s; return %s\n    def __hash__(self): return %s" % (
                    self.pick(["D.clear()", "D.update({i: i for i in range(30)})", "D.pop(1, None)", "D2.clear()", "D2[object()] = 1"]),
                    self.pick(["True", "False", "1/0"]), self.pick(["1", "hash(1)", "0", "-1", "2**61 - 1 + 1"])),
                "D.clear(); D.update({1: 'a', Eqm(): 2})",
                "D2 = {1: 'b', Eqm(): 3}",
                self.pick(["out(D == D2)", "out(D.items() == D2.items())", "out(D.keys() & D2.keys())",
                           "D.update(D2)", "out({**D, **D2})", "out(dict(D, **{'a': 1}))", "out(D | D2)",
                           "out(Eqm() in D)", "out(D.get(Eqm()))", "D[Eqm()] = 5", "out(D.pop(Eqm(), 0))",
                           "out(D.setdefault(Eqm(), 1))", "out(list(D.items()) == list(D2.items()))",
                           "out(D.items() ^ D2.items())", "out(set(D) == set(D2))", "out(D.keys() <= D2.keys())",
                           "out((1, 'a') in D.items())", "out(dict.fromkeys(D2, D))",
                           "D.update([(Eqm(), 1), (1, 2)])", "out(len({Eqm(), Eqm(), 1}))"]),
                "out(len(D))"]

    # ---- the whole program ----------------------------------------------------------------
    def program(self):
        out = [PRELUDE]
        for _ in range(self.r.randint(1, 4)):
            out.append("try:")
            out += ["    " + l for l in self.gen_class()]
            out.append("except BaseException as e:")
            out.append("    out(type(e).__name__)")
        out.append("try:")
        out.append("    POOL = [%s]" % ", ".join(self.atom() for _ in range(6)))
        out.append("    L[:] = POOL[:]")
        out.append("except BaseException as e:")
        out.append("    out(type(e).__name__)")
        n = self.r.randint(6, 24)
        for i in range(n):
            lines = "\n".join(self.case()).split("\n")
            out.append("try:  # case %d" % i)
            out += ["    " + l for l in lines]
            out.append("except BaseException as e:")
            out.append("    out(type(e).__name__)")
        out.append("print('done')")
        return "\n".join(out) + "\n"


PRELUDE = '''\
import sys, math
sys.setrecursionlimit(%RECLIMIT%)
L = [3, 1, 2]
D = {1: 'a', 'k': 2}
S = {1, 'x', 2.5}
T = [1]
B = bytearray(b'abc')
G = type('G', (), {})()
TICKS = [0]
def tick():
    TICKS[0] += 1
    if TICKS[0] > 20000:
        raise RuntimeError('tick budget')
def out(x):
    try:
        s = repr(x)
    except BaseException as e:
        s = '<repr %s>' % type(e).__name__
    print(s[:200])
class Meta(type):
    def __instancecheck__(cls, o): return bool(L)
    def __eq__(cls, o): return D.clear() or cls is o
    __hash__ = type.__hash__
class Desc:
    def __get__(self, o, t=None):
        if L: L.pop()
        return 5
    def __set__(self, o, v):
        D[v if type(v) in (int, str) else 0] = o
    def __delete__(self, o):
        raise AttributeError('desc')
class Odd:
    def __eq__(self, o): return L.clear() or True
    def __hash__(self): return len(D)
    def __lt__(self, o): return S.clear() or False
    def __len__(self): return 2
    def __index__(self): return 1
class MyInt(int):
    def __eq__(self, o): return D.clear() or int(self) == o
    __hash__ = int.__hash__
class MyStr(str):
    def __hash__(self): return L.append(self) or 7
class MyList(list):
    def __iter__(self): return iter([9, 8])
    def __len__(self): return 5
class MyTuple(tuple):
    def __getitem__(self, i): return L
class MyDict(dict):
    def __missing__(self, k): return k
    def keys(self): return ['a', 'zz']
    def __getitem__(self, k): return D.clear()
class MyFloat(float):
    def __float__(self): return 1.0
class MySet(set):
    def __iter__(self): S.clear(); return iter([1])
class MyBytes(bytes):
    def __len__(self): return 100
'''


def generate(rng):
    g = Gen(rng)
    src = g.program()
    return src.replace("%RECLIMIT%", rng.choice(["1000", "200", "120", "3000", "10000"]))
