/* tests/unit/test_gc_clear.c — the clear slots (TnType.clear, the contract
 * in core/object.h) before the collectors exist to call them.
 *
 * Each test builds objects in Python, calls every object's clear slot from C
 * as a collector would (twice: clearing must be idempotent), then uses the
 * cleared objects from Python: every method must raise or behave as on an
 * empty object, never crash, and the objects must still be freed cleanly.
 * The Python part asserts the observable state itself (check(label, fn,
 * expected): the result, or the name of the exception raised).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/vm/eval.h"
#include "core/compiler/compile.h"

static const char prelude[] =
    "def check(label, fn, expected):\n"
    "    try:\n"
    "        r = fn()\n"
    "    except BaseException as e:\n"
    "        r = type(e).__name__\n"
    "    if r != expected:\n"
    "        raise AssertionError(label + ': ' + repr(r) + ' != ' + repr(expected))\n"
    "def runs(label, fn):\n"
    "    try:\n"
    "        fn()\n"
    "    except BaseException:\n"
    "        pass\n";

/* Run src in globals; fails the test with the exception printed. */
static void run(TnObject *globals, const char *src)
{
    TnObject *code = tn_compile_source(src, (tn_ssize_t)strlen(src), "<test>", TN_MODE_FILE);
    TnObject *r = code != NULL ? tn_eval_code(code, globals, globals) : NULL;
    tn_xdecref(code);
    if (r == NULL) {
        TnObject *exc = tn_err_fetch();
        if (exc != NULL)
            tn_err_print_exception(exc);
        tn_xdecref(exc);
    }
    assert_non_null(r);
    tn_decref(r);
}

/* A fresh module namespace with the helpers defined. */
static TnObject *new_globals(void)
{
    TnObject *g = tn_dict_new();
    assert_non_null(g);
    assert_int_equal(tn_dict_set_item_cstr(g, "__name__", tn_str_intern_cstr("__test__")), 0);
    assert_int_equal(tn_dict_set_item_cstr(g, "__builtins__", tn_interp()->builtins), 0);
    run(g, prelude);
    return g;
}

/* Clear every item of the list globals['targets'] twice, as a collector
 * clearing an unreachable set would (a type without clear is skipped). */
static void clear_targets(TnObject *globals)
{
    TnObject *targets = tn_dict_get_cstr_borrowed(globals, "targets");
    assert_non_null(targets);
    assert_true(tn_list_check(targets));
    for (int pass = 0; pass < 2; pass++) {
        for (tn_ssize_t i = 0; i < tn_list_size(targets); i++) {
            TnObject *o = tn_list_get_item_ref(targets, i);
            TnType *tp = tn_type(o);
            assert_true(tp->flags & TN_TPFLAGS_HAVE_GC);
            assert_non_null(tp->traverse);
            if (tp->clear != NULL)
                assert_int_equal(tp->clear(o), 0);
            assert_null(tn_err_occurred());
            tn_decref(o);
        }
    }
}

/* The traceback printer on every cleared exception of globals['targets']
 * (to stderr): it reads the fields without Python code in between. */
static void print_exceptions(TnObject *globals)
{
    TnObject *targets = tn_dict_get_cstr_borrowed(globals, "targets");
    for (tn_ssize_t i = 0; i < tn_list_size(targets); i++) {
        TnObject *o = tn_list_get_item_ref(targets, i);
        if (tn_object_type_check(o, &tn_exc_BaseException))
            tn_err_print_exception(o);
        assert_null(tn_err_occurred());
        tn_decref(o);
    }
}

static void clear_and_probe(const char *setup, const char *probe)
{
    TnObject *g = new_globals();
    run(g, setup);
    clear_targets(g);
    run(g, probe);
    print_exceptions(g);
    /* Free everything: the deallocs run on cleared objects.  Without a
     * collector yet, the cycles the setup made (a class and its MRO, the
     * functions and their globals) are broken by clearing every global
     * (but the shared builtins), as a collection would, so that
     * LeakSanitizer sees nothing left. */
    TnObject *values = tn_dict_values_list(g);
    assert_non_null(values);
    for (tn_ssize_t i = 0; i < tn_list_size(values); i++) {
        TnObject *o = tn_list_get_item_ref(values, i);
        if (o != tn_interp()->builtins && tn_object_is_gc(o) && tn_type(o)->clear != NULL)
            tn_type(o)->clear(o);
        tn_decref(o);
    }
    tn_decref(values);
    tn_dict_clear(g);
    tn_decref(g);
}

static void test_instances(void **state)
{
    (void)state;
    clear_and_probe(
        "class C:\n"
        "    def m(self):\n"
        "        return 1\n"
        "class S:\n"
        "    __slots__ = ('a', 'b', '__dict__')\n"
        "class L(list):\n"
        "    pass\n"
        "class I(int):\n"
        "    pass\n"
        "c = C(); c.x = c\n"
        "s = S(); s.a = s; s.b = [s]; s.y = s\n"
        "l = L([1, 2]); l.z = l\n"
        "i = I(7); i.w = i\n"
        "targets = [c, s, l, i]\n",
        "check('attr gone', lambda: c.x, 'AttributeError')\n"
        "check('method stays', lambda: c.m(), 1)\n"
        "c.x = 5\n"
        "check('dict made again', lambda: c.x, 5)\n"
        "check('slot empty', lambda: s.a, 'AttributeError')\n"
        "check('slot b empty', lambda: s.b, 'AttributeError')\n"
        "check('slot dict', lambda: s.__dict__, {})\n"
        "s.a = 1\n"
        "check('slot set again', lambda: s.a, 1)\n"
        "check('list part cleared', lambda: list(l), [])\n"
        "check('list attr gone', lambda: l.z, 'AttributeError')\n"
        "check('int value kept', lambda: i + 1, 8)\n"
        "check('int attr gone', lambda: i.w, 'AttributeError')\n");
}

static void test_classes(void **state)
{
    (void)state;
    clear_and_probe(
        "class B:\n"
        "    def inherited(self):\n"
        "        return 2\n"
        "class K(B):\n"
        "    attr = 1\n"
        "    def m(self):\n"
        "        return K\n"
        "class Meta(type):\n"
        "    pass\n"
        "class M(metaclass=Meta):\n"
        "    def m(self):\n"
        "        return M\n"
        "k = K()\n"
        "targets = [K, M]\n",
        "check('name', lambda: K.__name__, 'K')\n"
        "check('attr gone', lambda: K.attr, 'AttributeError')\n"
        "check('mro gone', lambda: K.__mro__, None)\n"
        "check('bases kept', lambda: K.__bases__ == (B,), True)\n"
        "check('isinstance', lambda: isinstance(k, K), True)\n"
        "check('issubclass', lambda: issubclass(K, B), True)\n"
        "check('method gone', lambda: k.m(), 'AttributeError')\n"
        "runs('new instance', lambda: K())\n"
        "runs('repr', lambda: repr(K) + repr(k))\n"
        "runs('metaclass', lambda: (M.__name__, M(), repr(M)))\n"
        "runs('dir', lambda: dir(K))\n"
        "K.again = 3\n"
        "runs('lookup without an mro', lambda: K.again)\n");
}

/* A class whose special methods were found in its dict keeps the generic
 * slot functions after its dict is emptied: each must cope with the method
 * being gone. */
static void test_class_slots(void **state)
{
    (void)state;
    clear_and_probe(
        "class K:\n"
        "    def __repr__(self): return 'K'\n"
        "    def __str__(self): return 'K'\n"
        "    def __eq__(self, o): return True\n"
        "    def __lt__(self, o): return True\n"
        "    def __hash__(self): return 1\n"
        "    def __len__(self): return 1\n"
        "    def __bool__(self): return True\n"
        "    def __call__(self): return 1\n"
        "    def __getattr__(self, n): return 1\n"
        "    def __setattr__(self, n, v): pass\n"
        "    def __delattr__(self, n): pass\n"
        "    def __getitem__(self, i): return 1\n"
        "    def __setitem__(self, i, v): pass\n"
        "    def __delitem__(self, i): pass\n"
        "    def __contains__(self, i): return True\n"
        "    def __iter__(self): return iter([])\n"
        "    def __next__(self): raise StopIteration\n"
        "    def __add__(self, o): return 1\n"
        "    def __radd__(self, o): return 1\n"
        "    def __iadd__(self, o): return 1\n"
        "    def __neg__(self): return 1\n"
        "    def __index__(self): return 1\n"
        "    def __int__(self): return 1\n"
        "    def __float__(self): return 1.0\n"
        "    def __get__(self, o, t=None): return 1\n"
        "    def __set__(self, o, v): pass\n"
        "    def __init__(self, *a): pass\n"
        "    def __del__(self): pass\n"
        "k = K.__new__(K)\n"
        "targets = [K]\n",
        "ops = [repr, str, hash, len, bool, lambda k: k(), lambda k: k.missing,\n"
        "       lambda k: setattr(k, 'a', 1), lambda k: delattr(k, 'a'), lambda k: k[0],\n"
        "       lambda k: k.__setitem__(0, 1), lambda k: k.__delitem__(0), lambda k: 1 in k,\n"
        "       iter, next, lambda k: k + 1, lambda k: 1 + k, lambda k: k == k, lambda k: k < k,\n"
        "       lambda k: -k, lambda k: [0][k], int, float, lambda k: K(), lambda k: k.__dict__]\n"
        "for op in ops:\n"
        "    runs('slot', lambda: op(k))\n"
        "def iadd():\n"
        "    global k\n"
        "    k += 1\n"
        "runs('iadd', iadd)\n");
}

static void test_functions(void **state)
{
    (void)state;
    clear_and_probe(
        "def outer():\n"
        "    x = [1]\n"
        "    def f(a, b=[2], *, k=[3]):\n"
        "        '''doc'''\n"
        "        return (a, b, k, x)\n"
        "    x.append(f)\n"
        "    return f\n"
        "f = outer()\n"
        "f.__annotations__ = {'a': f}\n"
        "cell = f.__closure__[0]\n"
        "g = lambda: g\n"
        "def gen():\n"
        "    yield gen\n"
        "class C:\n"
        "    @staticmethod\n"
        "    def sm():\n"
        "        return C\n"
        "    @classmethod\n"
        "    def cm(cls):\n"
        "        return C\n"
        "    @property\n"
        "    def p(self):\n"
        "        return C\n"
        "sm = C.__dict__['sm']\n"
        "cm = C.__dict__['cm']\n"
        "pr = C.__dict__['p']\n"
        "sm.extra = sm\n"
        "sup = super(C, C())\n"
        "targets = [f, cell, g, gen, sm, cm, pr, sup]\n",
        "check('name', lambda: f.__name__, '')\n"
        "check('qualname', lambda: f.__qualname__, '')\n"
        "check('defaults', lambda: f.__defaults__, None)\n"
        "check('kwdefaults', lambda: f.__kwdefaults__, None)\n"
        "check('doc', lambda: f.__doc__, None)\n"
        "check('module', lambda: f.__module__, None)\n"
        "check('annotations', lambda: f.__annotations__, {})\n"
        "check('missing default', lambda: f(1), 'TypeError')\n"
        "check('cleared cell', lambda: f(1, 2, k=3), 'NameError')\n"
        "check('cell contents', lambda: cell.cell_contents, 'ValueError')\n"
        "runs('repr', lambda: repr(f) + repr(cell))\n"
        "check('lambda still runs', lambda: g() is g, True)\n"
        "check('generator function', lambda: next(gen()) is gen, True)\n"
        "check('staticmethod get', lambda: C.sm, 'RuntimeError')\n"
        "check('staticmethod call', lambda: sm(), 'RuntimeError')\n"
        "check('staticmethod func', lambda: sm.__func__, None)\n"
        "check('staticmethod dict', lambda: sm.__dict__, {})\n"
        "check('classmethod get', lambda: C.cm, 'RuntimeError')\n"
        "runs('wrapper reprs', lambda: repr(sm) + repr(cm))\n"
        "check('property get', lambda: C().p, 'AttributeError')\n"
        "check('property fget', lambda: pr.fget, None)\n"
        "runs('property copy', lambda: pr.getter(len))\n"
        "runs('super attr', lambda: sup.__init__)\n"
        "check('super self', lambda: sup.__self__, None)\n"
        "runs('super repr', lambda: repr(sup))\n");
}

static void test_exceptions(void **state)
{
    (void)state;
    clear_and_probe(
        "def boom():\n"
        "    raise ValueError('v')\n"
        "try:\n"
        "    try:\n"
        "        boom()\n"
        "    except ValueError as e:\n"
        "        raise KeyError('k') from e\n"
        "except KeyError as e:\n"
        "    err = e\n"
        "err.extra = err\n"
        "err.add_note('n')\n"
        "si = StopIteration(si_val := [1]); si_val.append(si)\n"
        "se = SystemExit([2])\n"
        "oe = OSError(2, 'no such file', 'name')\n"
        "ne = NameError('x'); ne.name = ne\n"
        "sy = SyntaxError('msg', ('f.py', 1, 2, 'text', 1, 3))\n"
        "ue = UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'bad')\n"
        "eg = ExceptionGroup('g', [ValueError(1)])\n"
        "class MyError(Exception):\n"
        "    pass\n"
        "me = MyError(1); me.me = me\n"
        "targets = [err, si, se, oe, ne, sy, ue, eg, me]\n",
        "check('args', lambda: err.args, ())\n"
        "check('str', lambda: str(err), '')\n"
        "check('repr', lambda: repr(err), 'KeyError()')\n"
        "check('traceback', lambda: err.__traceback__, None)\n"
        "check('cause', lambda: err.__cause__, None)\n"
        "check('context', lambda: err.__context__, None)\n"
        "check('extra', lambda: err.extra, 'AttributeError')\n"
        "check('StopIteration.value', lambda: si.value, None)\n"
        "check('SystemExit.code', lambda: se.code, None)\n"
        "check('OSError.filename', lambda: oe.filename, None)\n"
        "check('NameError.name', lambda: ne.name, None)\n"
        "check('SyntaxError.msg', lambda: sy.msg, None)\n"
        "check('MyError attr', lambda: me.me, 'AttributeError')\n"
        "for x in targets:\n"
        "    runs('str', lambda: str(x) + repr(x))\n"
        "runs('group split', lambda: eg.split(ValueError))\n"
        "runs('reraise', lambda: (_ for _ in ()).throw(err))\n"
        "check('with_traceback', lambda: err.with_traceback(None) is err, True)\n");
}

static void test_generators_and_frames(void **state)
{
    (void)state;
    clear_and_probe(
        "def gen(x):\n"
        "    me = [x]\n"
        "    try:\n"
        "        yield me\n"
        "        yield 2\n"
        "    finally:\n"
        "        me.append('finally')\n"
        "created = gen(1)\n"
        "suspended = gen(2)\n"
        "got = next(suspended); got.append(suspended)\n"
        "def yf():\n"
        "    yield from gen(3)\n"
        "delegating = yf(); next(delegating)\n"
        "async def co(x):\n"
        "    return x\n"
        "c = co(1)\n"
        "async def ag():\n"
        "    yield 1\n"
        "a = ag()\n"
        "def frame_of():\n"
        "    local = [1]\n"
        "    yield local\n"
        "fg = frame_of(); next(fg)\n"
        "fr = fg.gi_frame\n"
        "targets = [created, suspended, delegating, c, a, fr]\n",
        "check('created next', lambda: next(created), 'StopIteration')\n"
        "check('finally not run', lambda: got, [2, suspended])\n"
        "check('suspended next', lambda: next(suspended), 'StopIteration')\n"
        "check('suspended send', lambda: suspended.send(1), 'StopIteration')\n"
        "check('close', lambda: suspended.close(), None)\n"
        "check('throw', lambda: suspended.throw(KeyError), 'KeyError')\n"
        "check('frame', lambda: suspended.gi_frame, None)\n"
        "check('yieldfrom', lambda: delegating.gi_yieldfrom, None)\n"
        "check('delegating next', lambda: next(delegating), 'StopIteration')\n"
        "runs('coroutine send', lambda: c.send(None))\n"
        "runs('coroutine close', lambda: c.close())\n"
        "runs('asend', lambda: a.asend(None).send(None))\n"
        "runs('aclose', lambda: a.aclose().send(None))\n"
        "runs('reprs', lambda: repr(created) + repr(c) + repr(a) + repr(fr))\n"
        "check('f_locals', lambda: fr.f_locals, {})\n"
        "check('f_back', lambda: fr.f_back, None)\n"
        "check('f_code', lambda: fr.f_code.co_name, 'frame_of')\n");
}

static void test_containers_and_misc(void **state)
{
    (void)state;
    clear_and_probe(
        "l = [1]; l.append(l)\n"
        "d = {}; d['d'] = d\n"
        "s = {1, 2}\n"
        "class B(bytearray):\n"
        "    pass\n"
        "b = B(b'xy'); mv = memoryview(b); b.mv = mv\n"
        "class AIt:\n"
        "    def __anext__(self):\n"
        "        return self\n"
        "    def __await__(self):\n"
        "        return iter([])\n"
        "an = anext(AIt(), 'dflt')\n"
        "targets = [l, d, s, b, mv, an]\n",
        "check('list', lambda: l, [])\n"
        "check('dict', lambda: d, {})\n"
        "check('set', lambda: s, set())\n"
        "check('bytearray part kept', lambda: bytes(b), b'xy')\n"
        "check('bytearray attr gone', lambda: b.mv, 'AttributeError')\n"
        "check('memoryview released', lambda: mv[0], 'ValueError')\n"
        "runs('memoryview repr', lambda: repr(mv))\n"
        "runs('anext', lambda: next(an))\n"
        "runs('anext send', lambda: an.send(None))\n");
}

int main(void)
{
    if (tn_runtime_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instances),
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_class_slots),
        cmocka_unit_test(test_functions),
        cmocka_unit_test(test_exceptions),
        cmocka_unit_test(test_generators_and_frames),
        cmocka_unit_test(test_containers_and_misc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
