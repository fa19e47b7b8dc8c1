# stress/py/ast_threads.py -- ast.parse, NodeTransformer, compile() of AST
# objects and exec from several threads at once, each thread's first call
# racing the first import of _ast (the node classes are made once per
# process and published): every thread gets the same classes, the same
# dump for the same source, and its transformed code computes the exact
# value; one shared tree read (dump, compile) by all threads while another
# thread rewrites a copy gives the same results every time.

import sys
from _stress import SCALE, errors, finish, run

for name in ("ast", "_ast"):
    sys.modules.pop(name, None)

NTHREADS = 4
N = 40 * SCALE
SRC = "def f(x, y=2):\n    return [x * i + y for i in range(4)]\nr = f(%d)\n"
seen_classes = [None] * NTHREADS
dumps = [None] * NTHREADS


def worker(tid):
    def body():
        # compile() imports _ast itself when it needs the classes.
        tree = compile(SRC % tid, "<t>", "exec", 0x400)
        import ast
        seen_classes[tid] = (type(tree), ast.Module, ast.Load)
        dumps[tid] = ast.dump(compile(SRC % 0, "<t>", "exec", 0x400), include_attributes=True)

        class AddOne(ast.NodeTransformer):
            def visit_Constant(self, node):
                if type(node.value) is int:
                    return ast.copy_location(ast.Constant(node.value + 1), node)
                return node

        for i in range(N):
            t = AddOne().visit(ast.parse(SRC % i))
            ns = {}
            exec(compile(t, "<t>", "exec"), ns)
            # every int constant + 1: f(x, y=3) over range(5), called with i + 1
            expect = [(i + 1) * k + 3 for k in range(5)]
            if ns["r"] != expect:
                errors.append("thread %d: r = %r, expected %r" % (tid, ns["r"], expect))
                return
    body.__name__ = "worker_%d" % tid
    return body


run([worker(t) for t in range(NTHREADS)])
if any(c != seen_classes[0] for c in seen_classes):
    errors.append("threads saw different node classes")
if any(d != dumps[0] for d in dumps):
    errors.append("threads got different dumps of one source")

import ast
shared = ast.parse(SRC % 7)
reference = ast.dump(shared, include_attributes=True)
results = []


def reader():
    for _ in range(N):
        if ast.dump(shared, include_attributes=True) != reference:
            errors.append("shared tree dump changed")
            return
        ns = {}
        exec(compile(shared, "<s>", "exec"), ns)
        results.append(ns["r"])


def rewriter():
    for i in range(N):
        t = ast.parse(SRC % 7)
        for node in ast.walk(t):
            if isinstance(node, ast.Constant) and type(node.value) is int:
                node.value += i
        compile(t, "<w>", "exec")


run([reader, reader, reader, rewriter])
if results != [[7 * j + 2 for j in range(4)]] * len(results) or len(results) != 3 * N:
    errors.append("shared tree gave %d results, some wrong" % len(results))

finish("ast_threads", "%d threads, %d trees each" % (NTHREADS, N))
