/* tests/unit/test_compile.c — the symbol table and the bytecode compiler
 * (core/compiler/symtable.c, compile*.c, opcodes.c, dis.c).
 *
 * Sources are compiled with tn_compile_source (parser + compiler) and the
 * resulting code objects are checked instruction by instruction against the
 * patterns documented in core/compiler/compile.c, plus stack sizes,
 * localsplus layouts, flags, names, exception tables and SyntaxErrors
 * (messages and locations as CPython 3.11 reports them).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/compiler/opcodes.h"
#include "core/compiler/compile.h"
#include "core/compiler/dis.h"

/* ---- helpers ------------------------------------------------------------------ */

#define ANY (-1)

typedef struct {
    int op;
    int arg;   /* ANY: not checked */
} Ins;

static TnCode *compile_ok(const char *src)
{
    TnObject *co = tn_compile_source(src, (tn_ssize_t)strlen(src), "<test>", TN_MODE_FILE);
    if (co == NULL) {
        TnObject *exc = tn_err_occurred();
        TnObject *s = exc ? tn_object_str(exc) : NULL;
        fprintf(stderr, "compile failed: %s\n", s ? tn_str_utf8(s, NULL) : "?");
        tn_xdecref(s);
    }
    assert_non_null(co);
    assert_true(tn_code_check(co));
    return (TnCode *)co;
}

/* The nested code object called name (searched recursively). */
static TnCode *find_code(TnCode *co, const char *name)
{
    for (tn_ssize_t i = 0; i < tn_tuple_size(co->consts); i++) {
        TnObject *c = tn_tuple_get(co->consts, i);
        if (!tn_code_check(c))
            continue;
        if (tn_str_eq_cstr(((TnCode *)c)->name, name))
            return (TnCode *)c;
        TnCode *r = find_code((TnCode *)c, name);
        if (r != NULL)
            return r;
    }
    return NULL;
}

static TnCode *nested(TnCode *co, const char *name)
{
    TnCode *r = find_code(co, name);
    assert_non_null(r);
    return r;
}

static void dump_on_failure(TnCode *co)
{
    fprintf(stderr, "---- disassembly ----\n");
    tn_code_dump(TN_OBJ(co), stderr);
}

static void expect_code(TnCode *co, const Ins *ins, int n)
{
    bool ok = co->ninstr == n;
    for (int i = 0; ok && i < n; i++) {
        unsigned op = TN_OP(co->instr[i]), arg = TN_ARG(co->instr[i]);
        if ((int)op != ins[i].op || (ins[i].arg != ANY && (int)arg != ins[i].arg)) {
            fprintf(stderr, "instruction %d: got %s %u, expected %s %d\n", i,
                    tn_opcode_names[op], arg, tn_opcode_names[ins[i].op], ins[i].arg);
            ok = false;
        }
    }
    if (!ok) {
        fprintf(stderr, "ninstr %zd, expected %d\n", (size_t)co->ninstr, n);
        dump_on_failure(co);
    }
    assert_true(ok);
}

#define EXPECT(co, ...)                                                   \
    do {                                                                  \
        static const Ins expected_[] = {__VA_ARGS__};                     \
        expect_code((co), expected_, (int)(sizeof(expected_) / sizeof(Ins))); \
    } while (0)

static void assert_str(TnObject *s, const char *expected)
{
    assert_non_null(s);
    assert_true(tn_str_check(s));
    assert_string_equal(tn_str_utf8(s, NULL), expected);
}

/* localsplus names joined with ',' and kinds as L/C/F letters ("LC" = LOCAL|CELL). */
static void expect_localsplus(TnCode *co, const char *names, const char *kinds)
{
    char nb[256] = "", kb[256] = "";
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (i) {
            strcat(nb, ",");
            strcat(kb, ",");
        }
        strcat(nb, tn_str_utf8(tn_tuple_get(co->localsplusnames, i), NULL));
        uint8_t k = co->localspluskinds[i];
        if (k & TN_LOCAL_KIND_LOCAL)
            strcat(kb, "L");
        if (k & TN_LOCAL_KIND_CELL)
            strcat(kb, "C");
        if (k & TN_LOCAL_KIND_FREE)
            strcat(kb, "F");
    }
    assert_string_equal(nb, names);
    assert_string_equal(kb, kinds);
}

/* Compiling src fails with SyntaxError msg at (lineno, offset, end_offset). */
static void expect_syntax_error(const char *src, const char *msg, int lineno, int offset,
                                int end_offset)
{
    TnObject *co = tn_compile_source(src, (tn_ssize_t)strlen(src), "<test>", TN_MODE_FILE);
    assert_null(co);
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    assert_true(tn_object_type_check(exc, &tn_exc_SyntaxError));
    TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)exc;
    if (se->msg == NULL || !tn_str_check(se->msg) || !tn_str_eq_cstr(se->msg, msg))
        fprintf(stderr, "got message: %s\n", se->msg && tn_str_check(se->msg) ? tn_str_utf8(se->msg, NULL) : "?");
    assert_str(se->msg, msg);
    int overflow;
    assert_int_equal(tn_int_as_i64(se->lineno, &overflow), lineno);
    assert_int_equal(tn_int_as_i64(se->offset, &overflow), offset);
    if (end_offset >= 0)
        assert_int_equal(tn_int_as_i64(se->end_offset, &overflow), end_offset);
    tn_decref(exc);
}

static void release(TnCode *co)
{
    tn_decref(TN_OBJ(co));
}

/* ---- module code ---------------------------------------------------------------- */

static void test_module_assign(void **state)
{
    (void)state;
    TnCode *co = compile_ok("x = 1\n");
    EXPECT(co, {TN_RESUME, 0}, {TN_LOAD_CONST, 0}, {TN_STORE_NAME, 0}, {TN_LOAD_CONST, 1},
           {TN_RETURN_VALUE, ANY});
    assert_int_equal(co->stacksize, 1);
    assert_int_equal(co->firstlineno, 1);
    assert_str(co->name, "<module>");
    assert_str(tn_tuple_get(co->names, 0), "x");
    assert_true(tn_tuple_get(co->consts, 1) == TN_NONE);
    assert_int_equal(co->flags & (TN_CO_OPTIMIZED | TN_CO_NEWLOCALS), 0);
    assert_true(co->flags & TN_CO_NOFREE);
    /* positions: the constant's span, the name's span */
    assert_int_equal(co->positions[1].lineno, 1);
    assert_int_equal(co->positions[1].col, 4);
    assert_int_equal(co->positions[1].end_col, 5);
    assert_int_equal(co->positions[2].col, 0);
    assert_int_equal(co->positions[2].end_col, 1);
    release(co);
}

static void test_chained_assign_and_unpack(void **state)
{
    (void)state;
    TnCode *co = compile_ok("a = b = c\nx, (y, z) = t\nf, *r, l = s\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_COPY, 1}, {TN_STORE_NAME, 1}, {TN_STORE_NAME, 2},
           {TN_LOAD_NAME, 3}, {TN_UNPACK_SEQUENCE, 2}, {TN_STORE_NAME, 4},
           {TN_UNPACK_SEQUENCE, 2}, {TN_STORE_NAME, 5}, {TN_STORE_NAME, 6},
           {TN_LOAD_NAME, 7}, {TN_UNPACK_EX, 1 | 1 << 8}, {TN_STORE_NAME, 8},
           {TN_STORE_NAME, 9}, {TN_STORE_NAME, 10},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, ANY});
    assert_int_equal(co->stacksize, 3);
    release(co);
}

static void test_operators_and_positions(void **state)
{
    (void)state;
    TnCode *co = compile_ok("r = -a + b * ~c\nq = not a\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_UNARY_NEGATIVE, 0}, {TN_LOAD_NAME, 1}, {TN_LOAD_NAME, 2},
           {TN_UNARY_INVERT, 0}, {TN_BINARY_OP, TN_OP_MULT}, {TN_BINARY_OP, TN_OP_ADD},
           {TN_STORE_NAME, 3},
           {TN_LOAD_NAME, 0}, {TN_UNARY_NOT, 0}, {TN_STORE_NAME, 4},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, ANY});
    /* BINARY_OP + spans `-a + b * ~c` (columns 4..15), the * spans `b * ~c`. */
    assert_int_equal(co->positions[7].col, 4);
    assert_int_equal(co->positions[7].end_col, 15);
    assert_int_equal(co->positions[6].col, 9);
    assert_int_equal(co->positions[6].end_col, 15);
    release(co);
}

static void test_constant_dedup(void **state)
{
    (void)state;
    TnCode *co = compile_ok("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\nf = 1\ng = 'x'\nh = 'x'\n"
                            "i = (1, 2)\nj = (1, 2)\nk = (1.0, 2)\n");
    /* 1, 1.0, True, 0.0, -0.0, 'x', (1, 2), (1.0, 2), None */
    assert_int_equal(tn_tuple_size(co->consts), 9);
    assert_true(tn_int_check_exact(tn_tuple_get(co->consts, 0)));
    assert_true(tn_float_check_exact(tn_tuple_get(co->consts, 1)));
    assert_true(tn_tuple_get(co->consts, 2) == TN_TRUE);
    /* f = 1 reuses constant 0, h = 'x' reuses g's */
    assert_int_equal(TN_ARG(co->instr[11]), 0);
    assert_int_equal(TN_ARG(co->instr[13]), TN_ARG(co->instr[15]));
    assert_int_equal(TN_ARG(co->instr[17]), TN_ARG(co->instr[19]));
    assert_int_not_equal(TN_ARG(co->instr[19]), TN_ARG(co->instr[21]));
    release(co);
}

/* ---- calls ---------------------------------------------------------------------- */

static void test_calls(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(o, a, b):\n    g(a, b)\n    o.m(a, k=b)\n    (o)(a)\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_RESUME, 0},
           {TN_LOAD_GLOBAL, 0 << 1 | 1}, {TN_LOAD_FAST, 1}, {TN_LOAD_FAST, 2}, {TN_CALL, 2},
           {TN_POP_TOP, 0},
           {TN_LOAD_FAST, 0}, {TN_LOAD_ATTR, 1 << 1 | 1}, {TN_LOAD_FAST, 1}, {TN_LOAD_FAST, 2},
           {TN_KW_NAMES, ANY}, {TN_CALL, 2}, {TN_POP_TOP, 0},
           {TN_LOAD_FAST, 0}, {TN_PUSH_NULL, 0}, {TN_LOAD_FAST, 1}, {TN_CALL, 1}, {TN_POP_TOP, 0},
           {TN_LOAD_CONST, 0}, {TN_RETURN_VALUE, 0});
    TnObject *kw = tn_tuple_get(f->consts, TN_ARG(f->instr[10]));
    assert_true(tn_tuple_check(kw));
    assert_int_equal(tn_tuple_size(kw), 1);
    assert_str(tn_tuple_get(kw, 0), "k");
    assert_int_equal(f->stacksize, 4);
    /* The CALL carries the Call node's span: `g(a, b)` at columns 4..11. */
    assert_int_equal(f->positions[4].lineno, 2);
    assert_int_equal(f->positions[4].col, 4);
    assert_int_equal(f->positions[4].end_col, 11);
    release(co);
}

static void test_call_ex(void **state)
{
    (void)state;
    TnCode *co = compile_ok("f(*a)\nf(1, *a, k=2, **d)\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_PUSH_NULL, 0}, {TN_LOAD_NAME, 1}, {TN_CALL_FUNCTION_EX, 0},
           {TN_POP_TOP, 0},
           {TN_LOAD_NAME, 0}, {TN_PUSH_NULL, 0}, {TN_LOAD_CONST, ANY}, {TN_BUILD_LIST, 1},
           {TN_LOAD_NAME, 1}, {TN_LIST_EXTEND, 1}, {TN_LIST_TO_TUPLE, 0},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_BUILD_MAP, 1},
           {TN_LOAD_NAME, 2}, {TN_DICT_MERGE, 1}, {TN_CALL_FUNCTION_EX, 1}, {TN_POP_TOP, 0},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
}

/* ---- control flow ---------------------------------------------------------------- */

static void test_for_break_continue(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(it):\n    for x in it:\n        if x:\n            break\n"
                            "        if y:\n            continue\n        g(x)\n    else:\n"
                            "        h()\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_FAST, 0}, {TN_GET_ITER, 0},
           /* 3 */ {TN_FOR_ITER, 17}, {TN_STORE_FAST, 1},
           /* 5 */ {TN_LOAD_FAST, 1}, {TN_POP_JUMP_IF_FALSE, 9},
           /* 7: break pops the iterator and skips the else */
           {TN_POP_TOP, 0}, {TN_JUMP_FORWARD, 20},
           /* 9: continue */ {TN_LOAD_GLOBAL, ANY}, {TN_POP_JUMP_IF_FALSE, 12},
           {TN_JUMP_BACKWARD, 3},
           /* 12 */ {TN_LOAD_GLOBAL, ANY}, {TN_LOAD_FAST, 1}, {TN_CALL, 1}, {TN_POP_TOP, 0},
           /* 16 */ {TN_JUMP_BACKWARD, 3},
           /* 17: else (FOR_ITER's target: after the JUMP_BACKWARD) */
           {TN_LOAD_GLOBAL, ANY}, {TN_CALL, 0}, {TN_POP_TOP, 0},
           /* 20 */ {TN_LOAD_CONST, 0}, {TN_RETURN_VALUE, 0});
    assert_int_equal(f->stacksize, 4);
    release(co);
}

static void test_while_else(void **state)
{
    (void)state;
    TnCode *co = compile_ok("while a:\n    b()\nelse:\n    c = 1\nwhile True:\n    break\n");
    EXPECT(co, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_NAME, 0}, {TN_POP_JUMP_IF_FALSE, 8},
           /* 3 */ {TN_LOAD_NAME, 1}, {TN_PUSH_NULL, 0}, {TN_CALL, 0}, {TN_POP_TOP, 0},
           /* 7 */ {TN_JUMP_BACKWARD, 1},
           /* 8 */ {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 2},
           /* 10: while True has no test */ {TN_JUMP_FORWARD, 12}, {TN_JUMP_BACKWARD, 10},
           /* 12 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_chained_comparison(void **state)
{
    (void)state;
    TnCode *co = compile_ok("r = a < b < c\nif a < b < c:\n    d = 1\n");
    EXPECT(co, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_NAME, 0}, {TN_LOAD_NAME, 1}, {TN_SWAP, 2}, {TN_COPY, 2},
           {TN_COMPARE_OP, TN_LT}, {TN_JUMP_IF_FALSE_OR_POP, 10},
           /* 7 */ {TN_LOAD_NAME, 2}, {TN_COMPARE_OP, TN_LT}, {TN_JUMP_FORWARD, 12},
           /* 10 cleanup */ {TN_SWAP, 2}, {TN_POP_TOP, 0},
           /* 12 */ {TN_STORE_NAME, 3},
           /* 13 as a condition */ {TN_LOAD_NAME, 0}, {TN_LOAD_NAME, 1}, {TN_SWAP, 2},
           {TN_COPY, 2}, {TN_COMPARE_OP, TN_LT}, {TN_POP_JUMP_IF_FALSE, 23},
           /* 19 */ {TN_LOAD_NAME, 2}, {TN_COMPARE_OP, TN_LT}, {TN_POP_JUMP_IF_FALSE, 27},
           {TN_JUMP_FORWARD, 25},
           /* 23 cleanup */ {TN_POP_TOP, 0}, {TN_JUMP_FORWARD, 27},
           /* 25 */ {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 4},
           /* 27 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_int_equal(co->stacksize, 3);
    release(co);
}

static void test_boolops_and_conditions(void **state)
{
    (void)state;
    TnCode *co = compile_ok("r = a and b or c\nif not a or b is None:\n    pass\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_JUMP_IF_FALSE_OR_POP, 4}, {TN_LOAD_NAME, 1},
           {TN_JUMP_IF_TRUE_OR_POP, 6}, {TN_LOAD_NAME, 2}, {TN_STORE_NAME, 3},
           {TN_LOAD_NAME, 0}, {TN_POP_JUMP_IF_FALSE, 11}, {TN_LOAD_NAME, 1},
           {TN_POP_JUMP_IF_NOT_NONE, 11},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_augassign(void **state)
{
    (void)state;
    TnCode *co = compile_ok("x += 1\no.a -= 2\no[k] *= 3\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_LOAD_CONST, 0}, {TN_BINARY_OP, TN_OP_ADD + 13}, {TN_STORE_NAME, 0},
           {TN_LOAD_NAME, 1}, {TN_COPY, 1}, {TN_LOAD_ATTR, 2 << 1}, {TN_LOAD_CONST, 1},
           {TN_BINARY_OP, TN_OP_SUB + 13}, {TN_SWAP, 2}, {TN_STORE_ATTR, 2},
           {TN_LOAD_NAME, 1}, {TN_LOAD_NAME, 3}, {TN_COPY, 2}, {TN_COPY, 2}, {TN_BINARY_SUBSCR, 0},
           {TN_LOAD_CONST, 2}, {TN_BINARY_OP, TN_OP_MULT + 13}, {TN_SWAP, 3}, {TN_SWAP, 2},
           {TN_STORE_SUBSCR, 0},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_int_equal(co->stacksize, 4);
    release(co);
}

static void test_displays_and_slices(void **state)
{
    (void)state;
    TnCode *co = compile_ok("l = [a, *b]\nt = (1, 2, 3)\nd = {'k': a, **e}\ns = x[1:2]\ndel x[::2], y\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_BUILD_LIST, 1}, {TN_LOAD_NAME, 1}, {TN_LIST_EXTEND, 1},
           {TN_STORE_NAME, 2},
           {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 3},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_NAME, 0}, {TN_BUILD_MAP, 1}, {TN_LOAD_NAME, 4},
           {TN_DICT_UPDATE, 1}, {TN_STORE_NAME, 5},
           {TN_LOAD_NAME, 6}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_BUILD_SLICE, 2},
           {TN_BINARY_SUBSCR, 0}, {TN_STORE_NAME, 7},
           {TN_LOAD_NAME, 6}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_BUILD_SLICE, 3}, {TN_DELETE_SUBSCR, 0}, {TN_DELETE_NAME, 8},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    TnObject *t = tn_tuple_get(co->consts, TN_ARG(co->instr[6]));
    assert_true(tn_tuple_check(t));
    assert_int_equal(tn_tuple_size(t), 3);
    release(co);
}

static void test_fstring(void **state)
{
    (void)state;
    TnCode *co = compile_ok("s = f'a{x!r:>{w}}b{y}'\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_NAME, 0}, {TN_LOAD_CONST, ANY}, {TN_LOAD_NAME, 1},
           {TN_FORMAT_VALUE, 0}, {TN_BUILD_STRING, 2}, {TN_FORMAT_VALUE, 2 | 4},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_NAME, 2}, {TN_FORMAT_VALUE, 0}, {TN_BUILD_STRING, 4},
           {TN_STORE_NAME, 3}, {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_assert(void **state)
{
    (void)state;
    TnCode *co = compile_ok("assert x, 'msg'\nassert y\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_POP_JUMP_IF_TRUE, 8}, {TN_LOAD_ASSERTION_ERROR, 0},
           {TN_PUSH_NULL, 0}, {TN_LOAD_CONST, ANY}, {TN_CALL, 1}, {TN_RAISE_VARARGS, 1},
           {TN_LOAD_NAME, 1}, {TN_POP_JUMP_IF_TRUE, 12}, {TN_LOAD_ASSERTION_ERROR, 0},
           {TN_RAISE_VARARGS, 1},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
}

/* ---- functions, scopes, closures ------------------------------------------------ */

static void test_function_defaults_and_flags(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(a, b=1, /, c=x, *args, d, e=2, **kw):\n    'doc'\n    return a\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_NAME, ANY}, {TN_BUILD_TUPLE, 2},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_BUILD_CONST_KEY_MAP, 1},
           {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 1 | 2}, {TN_STORE_NAME, ANY},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    TnCode *f = nested(co, "f");
    assert_int_equal(f->argcount, 3);
    assert_int_equal(f->posonlyargcount, 2);
    assert_int_equal(f->kwonlyargcount, 2);
    expect_localsplus(f, "a,b,c,d,e,args,kw", "L,L,L,L,L,L,L");
    assert_int_equal(f->flags, TN_CO_OPTIMIZED | TN_CO_NEWLOCALS | TN_CO_VARARGS
                     | TN_CO_VARKEYWORDS | TN_CO_NOFREE);
    assert_str(tn_tuple_get(f->consts, 0), "doc");
    assert_str(f->qualname, "f");
    EXPECT(f, {TN_RESUME, 0}, {TN_LOAD_FAST, 0}, {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_closure_layout(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def outer(a, z):\n    b = 1\n    y = 2\n    def inner():\n"
                            "        return a + b\n    return inner\n");
    TnCode *outer = nested(co, "outer");
    /* params, other locals, then non-parameter cells */
    expect_localsplus(outer, "a,z,y,inner,b", "LC,L,L,L,C");
    EXPECT(outer, {TN_MAKE_CELL, 0}, {TN_MAKE_CELL, 4}, {TN_RESUME, 0},
           {TN_LOAD_CONST, ANY}, {TN_STORE_DEREF, 4},
           {TN_LOAD_CONST, ANY}, {TN_STORE_FAST, 2},
           {TN_LOAD_CLOSURE, 0}, {TN_LOAD_CLOSURE, 4}, {TN_BUILD_TUPLE, 2},
           {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 8}, {TN_STORE_FAST, 3},
           {TN_LOAD_FAST, 3}, {TN_RETURN_VALUE, 0});
    assert_false(outer->flags & TN_CO_NOFREE);
    TnCode *inner = nested(co, "inner");
    expect_localsplus(inner, "a,b", "F,F");
    assert_int_equal(inner->nfreevars, 2);
    EXPECT(inner, {TN_COPY_FREE_VARS, 2}, {TN_RESUME, 0}, {TN_LOAD_DEREF, 0}, {TN_LOAD_DEREF, 1},
           {TN_BINARY_OP, TN_OP_ADD}, {TN_RETURN_VALUE, 0});
    assert_str(inner->qualname, "outer.<locals>.inner");
    assert_true(inner->flags & TN_CO_NESTED);
    release(co);
}

static void test_nonlocal_and_global(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f():\n    global g\n    n = 0\n    def h():\n        nonlocal n\n"
                            "        n += 1\n        g = n\n        return k\n    return h\n");
    TnCode *h = nested(co, "h");
    EXPECT(h, {TN_COPY_FREE_VARS, 1}, {TN_RESUME, 0},
           {TN_LOAD_DEREF, 1}, {TN_LOAD_CONST, ANY}, {TN_BINARY_OP, TN_OP_ADD + 13}, {TN_STORE_DEREF, 1},
           {TN_LOAD_DEREF, 1}, {TN_STORE_FAST, 0},
           {TN_LOAD_GLOBAL, 0 << 1}, {TN_RETURN_VALUE, 0});
    expect_localsplus(h, "g,n", "L,F");
    release(co);
    co = compile_ok("def f():\n    global g\n    g = 1\n    def g2(): pass\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_RESUME, 0}, {TN_LOAD_CONST, ANY}, {TN_STORE_GLOBAL, 0},
           {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 0}, {TN_STORE_FAST, 0},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_comprehension(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(n, k):\n    return [x * k for x in n if x]\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_MAKE_CELL, 1}, {TN_RESUME, 0}, {TN_LOAD_CLOSURE, 1}, {TN_BUILD_TUPLE, 1},
           {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 8}, {TN_LOAD_FAST, 0}, {TN_GET_ITER, 0},
           {TN_CALL, 0}, {TN_RETURN_VALUE, 0});
    TnCode *lc = nested(co, "<listcomp>");
    assert_str(lc->qualname, "f.<locals>.<listcomp>");
    assert_int_equal(lc->argcount, 1);
    expect_localsplus(lc, ".0,x,k", "L,L,F");
    EXPECT(lc, {TN_COPY_FREE_VARS, 1}, {TN_RESUME, 0}, {TN_BUILD_LIST, 0}, {TN_LOAD_FAST, 0},
           /* 4 */ {TN_FOR_ITER, 13}, {TN_STORE_FAST, 1}, {TN_LOAD_FAST, 1},
           {TN_POP_JUMP_IF_FALSE, 12}, {TN_LOAD_FAST, 1}, {TN_LOAD_DEREF, 2},
           {TN_BINARY_OP, TN_OP_MULT}, {TN_LIST_APPEND, 2}, {TN_JUMP_BACKWARD, 4},
           /* 13 */ {TN_RETURN_VALUE, 0});
    release(co);

    co = compile_ok("d = {k: v for k, v in p for q in r}\n");
    TnCode *dc = nested(co, "<dictcomp>");
    assert_str(dc->qualname, "<dictcomp>");
    EXPECT(dc, {TN_RESUME, 0}, {TN_BUILD_MAP, 0}, {TN_LOAD_FAST, 0},
           /* 3 */ {TN_FOR_ITER, 16}, {TN_UNPACK_SEQUENCE, 2}, {TN_STORE_FAST, 1}, {TN_STORE_FAST, 2},
           {TN_LOAD_GLOBAL, 0}, {TN_GET_ITER, 0},
           /* 9: two iterators on the stack: MAP_ADD 3 */
           {TN_FOR_ITER, 15}, {TN_STORE_FAST, 3}, {TN_LOAD_FAST, 1}, {TN_LOAD_FAST, 2},
           {TN_MAP_ADD, 3}, {TN_JUMP_BACKWARD, 9},
           /* 15 */ {TN_JUMP_BACKWARD, 3},
           /* 16 */ {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_walrus_in_comprehension(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(d):\n    r = [t for v in d if (t := v)]\n    return t\n");
    TnCode *f = nested(co, "f");
    expect_localsplus(f, "d,r,t", "L,L,C");
    TnCode *lc = nested(co, "<listcomp>");
    expect_localsplus(lc, ".0,v,t", "L,L,F");
    release(co);
    /* At module level the target is a global of the comprehension. */
    co = compile_ok("r = [(y := v) for v in d]\n");
    lc = nested(co, "<listcomp>");
    bool found = false;
    for (tn_ssize_t i = 0; i < lc->ninstr; i++)
        if (TN_OP(lc->instr[i]) == TN_STORE_GLOBAL)
            found = true;
    assert_true(found);
    release(co);
}

static void test_lambda_and_decorators(void **state)
{
    (void)state;
    TnCode *co = compile_ok("@dec\ndef f(): pass\ng = lambda x=1: x\n");
    EXPECT(co, {TN_RESUME, 0},
           {TN_LOAD_NAME, 0}, {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 0}, {TN_CALL, 0},
           {TN_STORE_NAME, 1},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 1}, {TN_STORE_NAME, 2},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    TnCode *l = nested(co, "<lambda>");
    assert_true(tn_tuple_get(l->consts, 0) == TN_NONE);
    EXPECT(l, {TN_RESUME, 0}, {TN_LOAD_FAST, 0}, {TN_RETURN_VALUE, 0});
    TnCode *f = nested(co, "f");
    assert_int_equal(f->firstlineno, 1);
    release(co);
}

static void test_recursion_and_return_in_loop(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(n):\n    for i in n:\n        for j in i:\n            return g(j)\n");
    TnCode *f = nested(co, "f");
    /* return pops both iterators from under the value */
    EXPECT(f, {TN_RESUME, 0}, {TN_LOAD_FAST, 0}, {TN_GET_ITER, 0},
           /* 3 */ {TN_FOR_ITER, 19}, {TN_STORE_FAST, 1}, {TN_LOAD_FAST, 1}, {TN_GET_ITER, 0},
           /* 7 */ {TN_FOR_ITER, 18}, {TN_STORE_FAST, 2}, {TN_LOAD_GLOBAL, 1}, {TN_LOAD_FAST, 2},
           {TN_CALL, 1}, {TN_SWAP, 2}, {TN_POP_TOP, 0}, {TN_SWAP, 2}, {TN_POP_TOP, 0},
           {TN_RETURN_VALUE, 0},
           /* 17 */ {TN_JUMP_BACKWARD, 7}, {TN_JUMP_BACKWARD, 3},
           /* 19 */ {TN_LOAD_CONST, 0}, {TN_RETURN_VALUE, 0});
    /* two iterators + g + NULL + j */
    assert_int_equal(f->stacksize, 5);
    release(co);
}

/* ---- exceptions ----------------------------------------------------------------- */

static void test_try_except_table(void **state)
{
    (void)state;
    TnCode *co = compile_ok("try:\n    f()\nexcept E as e:\n    g(e)\n");
    EXPECT(co, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_NAME, 0}, {TN_PUSH_NULL, 0}, {TN_CALL, 0}, {TN_POP_TOP, 0},
           /* 5 */ {TN_JUMP_FORWARD, 29},
           /* 6 handler: [exc] */ {TN_PUSH_EXC_INFO, 0}, {TN_LOAD_NAME, 1}, {TN_CHECK_EXC_MATCH, 0},
           {TN_POP_JUMP_IF_FALSE, 25}, {TN_STORE_NAME, 2},
           /* 11 */ {TN_LOAD_NAME, 3}, {TN_PUSH_NULL, 0}, {TN_LOAD_NAME, 2}, {TN_CALL, 1},
           {TN_POP_TOP, 0},
           /* 16 */ {TN_POP_EXCEPT, 0}, {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 2},
           {TN_DELETE_NAME, 2}, {TN_JUMP_FORWARD, 29},
           /* 21 cleanup_end */ {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 2}, {TN_DELETE_NAME, 2},
           {TN_RERAISE, 1},
           /* 25 no match */ {TN_RERAISE, 0},
           /* 26 cleanup */ {TN_COPY, 3}, {TN_POP_EXCEPT, 0}, {TN_RERAISE, 1},
           /* 29 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    static const TnExcEntry table[] = {
        {1, 5, 6, 0, 0}, {6, 11, 26, 1, 1}, {11, 16, 21, 1, 1}, {21, 26, 26, 1, 1},
    };
    assert_int_equal(co->nexctable, 4);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(co->exctable[i].start, table[i].start);
        assert_int_equal(co->exctable[i].end, table[i].end);
        assert_int_equal(co->exctable[i].target, table[i].target);
        assert_int_equal(co->exctable[i].depth, table[i].depth);
        assert_int_equal(co->exctable[i].lasti, table[i].lasti);
    }
    release(co);
}

static void test_try_finally_table(void **state)
{
    (void)state;
    TnCode *co = compile_ok("try:\n    f()\nfinally:\n    g()\n");
    EXPECT(co, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_NAME, 0}, {TN_PUSH_NULL, 0}, {TN_CALL, 0}, {TN_POP_TOP, 0},
           /* 5 */ {TN_LOAD_NAME, 1}, {TN_PUSH_NULL, 0}, {TN_CALL, 0}, {TN_POP_TOP, 0},
           /* 9 */ {TN_JUMP_FORWARD, 19},
           /* 10 */ {TN_PUSH_EXC_INFO, 0}, {TN_LOAD_NAME, 1}, {TN_PUSH_NULL, 0}, {TN_CALL, 0},
           {TN_POP_TOP, 0}, {TN_RERAISE, 0},
           /* 16 */ {TN_COPY, 3}, {TN_POP_EXCEPT, 0}, {TN_RERAISE, 1},
           /* 19 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_int_equal(co->nexctable, 2);
    assert_int_equal(co->exctable[0].start, 1);
    assert_int_equal(co->exctable[0].end, 5);
    assert_int_equal(co->exctable[0].target, 10);
    assert_int_equal(co->exctable[0].depth, 0);
    assert_int_equal(co->exctable[0].lasti, 0);
    assert_int_equal(co->exctable[1].start, 10);
    assert_int_equal(co->exctable[1].end, 16);
    assert_int_equal(co->exctable[1].target, 16);
    assert_int_equal(co->exctable[1].depth, 1);
    assert_int_equal(co->exctable[1].lasti, 1);
    assert_int_equal(co->stacksize, 4);
    release(co);
}

/* ---- errors --------------------------------------------------------------------- */

static void test_syntax_errors(void **state)
{
    (void)state;
    expect_syntax_error("x = 1\nif x:\n    break\n", "'break' outside loop", 3, 5, 10);
    expect_syntax_error("continue\n", "'continue' not properly in loop", 1, 1, 9);
    expect_syntax_error("def f():\n    pass\nreturn 1\n", "'return' outside function", 3, 1, 9);
    expect_syntax_error("def f():\n    print(x)\n    global x\n",
                        "name 'x' is used prior to global declaration", 3, 5, 13);
    expect_syntax_error("def f():\n    x = 1\n    global x\n",
                        "name 'x' is assigned to before global declaration", 3, 5, 13);
    expect_syntax_error("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 13);
    expect_syntax_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 15);
    expect_syntax_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 11);
    expect_syntax_error("def f(a, a): pass\n", "duplicate argument 'a' in function definition",
                        1, 10, 11);
    expect_syntax_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 11);
    expect_syntax_error("[(i := 1) for i in x]\n",
                        "assignment expression cannot rebind comprehension iteration variable 'i'",
                        1, 3, 4);
    expect_syntax_error("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1, 10);
    expect_syntax_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
                        "default 'except:' must be last", 3, 1, -1);
    expect_syntax_error("while 1:\n    def f():\n        break\n", "'break' outside loop", 3, 9, 14);
    /* byte offsets, as CPython's compiler reports them */
    expect_syntax_error("s = 'h\xc3\xa9'; break\n", "'break' outside loop", 1, 12, 17);
    /* match statements (offsets as CPython 3.11 reports them) */
    expect_syntax_error("match 1:\n case x: pass\n case 1: pass\n",
                        "name capture 'x' makes remaining patterns unreachable", 2, 7, 8);
    expect_syntax_error("match 1:\n case _: pass\n case 1: pass\n",
                        "wildcard makes remaining patterns unreachable", 2, 7, 8);
    expect_syntax_error("match 1:\n case [x, x]: pass\n",
                        "multiple assignments to name 'x' in pattern", 2, 11, 12);
    expect_syntax_error("match 1:\n case [x] | [y]: pass\n",
                        "alternative patterns bind different names", 2, 14, 15);
}

static void test_except_star_errors(void **state)
{
    (void)state;
    /* break/continue/return may not leave an except* clause (PEP 654). */
    expect_syntax_error("for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9, 14);
    expect_syntax_error("def f():\n    try:\n        pass\n    except* E:\n        return x\n",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9, 17);
    TnCode *co = compile_ok("try:\n    pass\nexcept* E:\n    for i in x:\n        break\n");
    assert_non_null(co);
    tn_decref(TN_OBJ(co));
}

/* ---- coroutines ----------------------------------------------------------------- */

static void test_coroutines(void **state)
{
    (void)state;
    TnCode *co = compile_ok("async def f():\n    return await g()\n"
                            "async def h():\n    yield 1\n");
    TnCode *f = nested(co, "f");
    assert_true(f->flags & TN_CO_COROUTINE);
    EXPECT(f, {TN_RETURN_GENERATOR, 0}, {TN_POP_TOP, 0}, {TN_RESUME, 0},
           {TN_LOAD_GLOBAL, (0 << 1) | 1}, {TN_CALL, 0}, {TN_GET_AWAITABLE, 0}, {TN_LOAD_CONST, ANY},
           {TN_SEND, 11}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 3}, {TN_JUMP_BACKWARD, 7},
           {TN_RETURN_VALUE, 0});
    TnCode *h = nested(co, "h");
    assert_true(h->flags & TN_CO_ASYNC_GENERATOR);
    EXPECT(h, {TN_RETURN_GENERATOR, 0}, {TN_POP_TOP, 0}, {TN_RESUME, 0},
           {TN_LOAD_CONST, ANY}, {TN_ASYNC_GEN_WRAP, 0}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 1},
           {TN_POP_TOP, 0}, {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    release(co);
    expect_syntax_error("await x\n", "'await' outside function", 1, 1, -1);
    expect_syntax_error("def f():\n    await x\n", "'await' outside async function", 2, 5, 12);
    expect_syntax_error("def f():\n    async with a:\n        pass\n",
                        "'async with' outside async function", 2, 5, -1);
    expect_syntax_error("def f():\n    async for a in b:\n        pass\n",
                        "'async for' outside async function", 2, 5, -1);
    expect_syntax_error("async def f():\n    yield from x\n", "'yield from' inside async function",
                        2, 5, -1);
    expect_syntax_error("async def f():\n    yield 1\n    return 2\n",
                        "'return' with value in async generator", 3, 5, -1);
}

/* ---- classes -------------------------------------------------------------------- */

static void test_class_statement(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f():\n    class C(B, metaclass=M):\n        'doc'\n"
                            "        x: int = 1\n        __y = 2\n"
                            "        def m(self):\n            return super().m(self.__z)\n"
                            "    return C\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_RESUME, 0},
           {TN_LOAD_BUILD_CLASS, 0}, {TN_PUSH_NULL, 0}, {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 0},
           {TN_LOAD_CONST, ANY}, {TN_LOAD_GLOBAL, 0 << 1}, {TN_LOAD_GLOBAL, 1 << 1},
           {TN_KW_NAMES, ANY}, {TN_CALL, 4}, {TN_STORE_FAST, 0},
           {TN_LOAD_FAST, 0}, {TN_RETURN_VALUE, 0});
    assert_str(tn_tuple_get(f->consts, TN_ARG(f->instr[5])), "C");
    TnObject *kw = tn_tuple_get(f->consts, TN_ARG(f->instr[8]));
    assert_true(tn_tuple_check(kw) && tn_tuple_size(kw) == 1);
    assert_str(tn_tuple_get(kw, 0), "metaclass");

    TnCode *c = nested(co, "C");
    assert_str(c->qualname, "f.<locals>.C");
    assert_int_equal(c->argcount, 0);
    assert_false(c->flags & (TN_CO_OPTIMIZED | TN_CO_NEWLOCALS | TN_CO_GENERATOR));
    expect_localsplus(c, "__class__", "C");
    EXPECT(c, {TN_MAKE_CELL, 0}, {TN_RESUME, 0},
           /* 2 */ {TN_LOAD_NAME, 0}, {TN_STORE_NAME, 1}, {TN_LOAD_CONST, 0}, {TN_STORE_NAME, 2},
           /* 6 */ {TN_SETUP_ANNOTATIONS, 0}, {TN_LOAD_CONST, 1}, {TN_STORE_NAME, 3},
           /* 9 */ {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 4}, {TN_LOAD_NAME, 5}, {TN_LOAD_NAME, 6},
           {TN_LOAD_CONST, ANY}, {TN_STORE_SUBSCR, 0},
           /* 15 */ {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 7},
           /* 17 */ {TN_LOAD_CLOSURE, 0}, {TN_BUILD_TUPLE, 1}, {TN_LOAD_CONST, ANY},
           {TN_MAKE_FUNCTION, 8}, {TN_STORE_NAME, 8},
           /* 22 */ {TN_LOAD_CLOSURE, 0}, {TN_COPY, 1}, {TN_STORE_NAME, 9}, {TN_RETURN_VALUE, 0});
    static const char *const names[] = {"__name__", "__module__", "__qualname__", "__doc__", "x",
                                        "int", "__annotations__", "_C__y", "m", "__classcell__"};
    assert_int_equal(tn_tuple_size(c->names), 10);
    for (int i = 0; i < 10; i++)
        assert_str(tn_tuple_get(c->names, i), names[i]);
    assert_str(tn_tuple_get(c->consts, 0), "f.<locals>.C");
    assert_str(tn_tuple_get(c->consts, 1), "doc");

    TnCode *m = nested(co, "m");
    assert_str(m->qualname, "f.<locals>.C.m");
    expect_localsplus(m, "self,__class__", "L,F");
    EXPECT(m, {TN_COPY_FREE_VARS, 1}, {TN_RESUME, 0}, {TN_LOAD_GLOBAL, 0 << 1 | 1}, {TN_CALL, 0},
           {TN_LOAD_ATTR, 1 << 1 | 1}, {TN_LOAD_FAST, 0}, {TN_LOAD_ATTR, 2 << 1}, {TN_CALL, 1},
           {TN_RETURN_VALUE, 0});
    assert_str(tn_tuple_get(m->names, 2), "_C__z");
    release(co);
}

static void test_class_variants(void **state)
{
    (void)state;
    /* No __class__ cell: the body returns None.  Nested qualnames. */
    TnCode *co = compile_ok("class Outer:\n    class Inner:\n        pass\n");
    TnCode *inner = nested(co, "Inner");
    assert_str(inner->qualname, "Outer.Inner");
    EXPECT(inner, {TN_RESUME, 0}, {TN_LOAD_NAME, 0}, {TN_STORE_NAME, 1}, {TN_LOAD_CONST, ANY},
           {TN_STORE_NAME, 2}, {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_true(tn_tuple_get(inner->consts, TN_ARG(inner->instr[5])) == TN_NONE);
    release(co);

    /* Star bases and **kw: CALL_FUNCTION_EX; decorators are called last. */
    co = compile_ok("@d\nclass D(*bs, **kw):\n    pass\n");
    EXPECT(co, {TN_RESUME, 0}, {TN_LOAD_NAME, 0},
           {TN_LOAD_BUILD_CLASS, 0}, {TN_PUSH_NULL, 0}, {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 0},
           {TN_LOAD_CONST, ANY}, {TN_BUILD_LIST, 2}, {TN_LOAD_NAME, 1}, {TN_LIST_EXTEND, 1},
           {TN_LIST_TO_TUPLE, 0}, {TN_BUILD_MAP, 0}, {TN_LOAD_NAME, 2}, {TN_DICT_MERGE, 1},
           {TN_CALL_FUNCTION_EX, 1}, {TN_CALL, 0}, {TN_STORE_NAME, 3},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_int_equal(nested(co, "D")->firstlineno, 1);
    release(co);

    /* A free variable of the class body: LOAD_CLASSDEREF.  Names of the class
     * body are not visible to its methods. */
    co = compile_ok("def f(x):\n    class C:\n        y = x\n        def g(self):\n"
                    "            return y\n    return C\n");
    TnCode *c = nested(co, "C");
    expect_localsplus(c, "x", "F");
    EXPECT(c, {TN_COPY_FREE_VARS, 1}, {TN_RESUME, 0}, {TN_LOAD_NAME, 0}, {TN_STORE_NAME, 1},
           {TN_LOAD_CONST, ANY}, {TN_STORE_NAME, 2}, {TN_LOAD_CLASSDEREF, 0}, {TN_STORE_NAME, 3},
           {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 0}, {TN_STORE_NAME, 4},
           {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    EXPECT(nested(co, "g"), {TN_RESUME, 0}, {TN_LOAD_GLOBAL, 0}, {TN_RETURN_VALUE, 0});
    expect_localsplus(nested(co, "f"), "x,C", "LC,L");
    release(co);

    /* `__class__` by name in a method also creates the cell. */
    co = compile_ok("class K:\n    def m(self):\n        return __class__\n");
    expect_localsplus(nested(co, "K"), "__class__", "C");
    EXPECT(nested(co, "m"), {TN_COPY_FREE_VARS, 1}, {TN_RESUME, 0}, {TN_LOAD_DEREF, 1},
           {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_name_mangling(void **state)
{
    (void)state;
    TnCode *co = compile_ok("class C:\n    import __m, __n__\n    from . import __k\n"
                            "    global __g\n    __g = 1\n"
                            "    def __f(self, __a, *, __b=1):\n        return __a.__c\n"
                            "class ___:\n    __x = 1\n");
    TnCode *c = nested(co, "C");
    static const char *const names[] = {"__name__", "__module__", "__qualname__", "_C__m",
                                        "__n__", "", "_C__k", "_C__g", "_C__f"};
    assert_int_equal(tn_tuple_size(c->names), 9);
    for (int i = 0; i < 9; i++)
        assert_str(tn_tuple_get(c->names, i), names[i]);
    TnCode *f = nested(co, "__f");
    assert_str(f->name, "__f");
    assert_str(f->qualname, "C.__f");
    expect_localsplus(f, "self,_C__a,_C__b", "L,L,L");
    assert_str(tn_tuple_get(f->names, 0), "_C__c");
    /* the kwdefaults key is mangled too */
    bool found = false;
    for (tn_ssize_t i = 0; i < tn_tuple_size(c->consts); i++) {
        TnObject *k = tn_tuple_get(c->consts, i);
        if (tn_tuple_check(k) && tn_tuple_size(k) == 1 && tn_str_check(tn_tuple_get(k, 0))
            && tn_str_eq_cstr(tn_tuple_get(k, 0), "_C__b"))
            found = true;
    }
    assert_true(found);
    /* a class named only with underscores mangles nothing */
    assert_str(tn_tuple_get(nested(co, "___")->names, 3), "__x");
    release(co);
    co = compile_ok("class _C:\n    __ = 1\n    ___ = 2\n    __a_ = 3\n    __b__ = 4\n");
    c = nested(co, "_C");
    assert_str(tn_tuple_get(c->names, 3), "__");
    assert_str(tn_tuple_get(c->names, 4), "___");
    assert_str(tn_tuple_get(c->names, 5), "_C__a_");
    assert_str(tn_tuple_get(c->names, 6), "__b__");
    release(co);
}

/* ---- with ----------------------------------------------------------------------- */

static void expect_table(TnCode *co, const TnExcEntry *table, int n)
{
    bool ok = co->nexctable == n;
    for (int i = 0; ok && i < n; i++) {
        const TnExcEntry *e = &co->exctable[i];
        ok = e->start == table[i].start && e->end == table[i].end
            && e->target == table[i].target && e->depth == table[i].depth
            && e->lasti == table[i].lasti;
    }
    if (!ok)
        dump_on_failure(co);
    assert_true(ok);
}

static void test_with_statement(void **state)
{
    (void)state;
    TnCode *co = compile_ok("with a as b:\n    f()\n");
    EXPECT(co, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_NAME, 0}, {TN_BEFORE_WITH, 0}, {TN_STORE_NAME, 1},
           /* 4 */ {TN_LOAD_NAME, 2}, {TN_PUSH_NULL, 0}, {TN_CALL, 0}, {TN_POP_TOP, 0},
           /* 8 normal exit */ {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_CALL, 2}, {TN_POP_TOP, 0}, {TN_JUMP_FORWARD, 25},
           /* 14 H: [exit, lasti, exc] */ {TN_PUSH_EXC_INFO, 0}, {TN_WITH_EXCEPT_START, 0},
           {TN_POP_JUMP_IF_TRUE, 21}, {TN_RERAISE, 2},
           /* 18 C */ {TN_COPY, 3}, {TN_POP_EXCEPT, 0}, {TN_RERAISE, 1},
           /* 21 S */ {TN_POP_TOP, 0}, {TN_POP_EXCEPT, 0}, {TN_POP_TOP, 0}, {TN_POP_TOP, 0},
           /* 25 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_true(tn_tuple_get(co->consts, TN_ARG(co->instr[8])) == TN_NONE);
    static const TnExcEntry table[] = {
        {3, 8, 14, 1, 1}, {14, 18, 18, 3, 1}, {21, 22, 18, 3, 1},
    };
    expect_table(co, table, 3);
    /* C: exit, lasti, prev_exc, lasti, exc, + COPY 3 */
    assert_int_equal(co->stacksize, 6);
    release(co);
}

static void test_with_unwinding(void **state)
{
    (void)state;
    /* Two items nest; return calls both exits with the value kept on top. */
    TnCode *co = compile_ok("def f():\n    with A() as a, B():\n        return a\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_RESUME, 0},
           /* 1 */ {TN_LOAD_GLOBAL, 0 << 1 | 1}, {TN_CALL, 0}, {TN_BEFORE_WITH, 0}, {TN_STORE_FAST, 0},
           /* 5 */ {TN_LOAD_GLOBAL, 1 << 1 | 1}, {TN_CALL, 0}, {TN_BEFORE_WITH, 0}, {TN_POP_TOP, 0},
           /* 9 */ {TN_LOAD_FAST, 0},
           /* 10 */ {TN_SWAP, 2}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_CALL, 2}, {TN_POP_TOP, 0},
           /* 16 */ {TN_SWAP, 2}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_CALL, 2}, {TN_POP_TOP, 0},
           /* 22 */ {TN_RETURN_VALUE, 0},
           /* 23: the (unreachable) normal exit of B */ {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_LOAD_CONST, ANY}, {TN_CALL, 2}, {TN_POP_TOP, 0}, {TN_JUMP_FORWARD, 40},
           /* 29 */ {TN_PUSH_EXC_INFO, 0}, {TN_WITH_EXCEPT_START, 0}, {TN_POP_JUMP_IF_TRUE, 36},
           {TN_RERAISE, 2}, {TN_COPY, 3}, {TN_POP_EXCEPT, 0}, {TN_RERAISE, 1},
           /* 36 */ {TN_POP_TOP, 0}, {TN_POP_EXCEPT, 0}, {TN_POP_TOP, 0}, {TN_POP_TOP, 0},
           /* 40: normal exit of A */ {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_LOAD_CONST, ANY}, {TN_CALL, 2}, {TN_POP_TOP, 0}, {TN_JUMP_FORWARD, 57},
           /* 46 */ {TN_PUSH_EXC_INFO, 0}, {TN_WITH_EXCEPT_START, 0}, {TN_POP_JUMP_IF_TRUE, 53},
           {TN_RERAISE, 2}, {TN_COPY, 3}, {TN_POP_EXCEPT, 0}, {TN_RERAISE, 1},
           /* 53 */ {TN_POP_TOP, 0}, {TN_POP_EXCEPT, 0}, {TN_POP_TOP, 0}, {TN_POP_TOP, 0},
           /* 57 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    /* As CPython 3.11: the inner exit call during the return is covered by
     * the outer with's handler only. */
    static const TnExcEntry table[] = {
        {4, 8, 46, 1, 1}, {8, 10, 29, 2, 1}, {10, 16, 46, 1, 1}, {23, 29, 46, 1, 1},
        {29, 33, 33, 4, 1}, {33, 36, 46, 1, 1}, {36, 37, 33, 4, 1}, {37, 40, 46, 1, 1},
        {46, 50, 50, 3, 1}, {53, 54, 50, 3, 1},
    };
    expect_table(f, table, 10);
    release(co);

    /* break / continue inside with inside a loop. */
    co = compile_ok("def g(x):\n    for i in x:\n        with i:\n            if i: break\n"
                    "            continue\n");
    TnCode *g = nested(co, "g");
    EXPECT(g, {TN_RESUME, 0}, {TN_LOAD_FAST, 0}, {TN_GET_ITER, 0},
           /* 3 */ {TN_FOR_ITER, 41}, {TN_STORE_FAST, 1},
           /* 5 */ {TN_LOAD_FAST, 1}, {TN_BEFORE_WITH, 0}, {TN_POP_TOP, 0},
           /* 8 */ {TN_LOAD_FAST, 1}, {TN_POP_JUMP_IF_FALSE, 17},
           /* 10 break: exit, pop the iterator */ {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_LOAD_CONST, ANY}, {TN_CALL, 2}, {TN_POP_TOP, 0}, {TN_POP_TOP, 0},
           {TN_JUMP_FORWARD, 41},
           /* 17 continue */ {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_CALL, 2}, {TN_POP_TOP, 0}, {TN_JUMP_BACKWARD, 3},
           /* 23 */ {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY}, {TN_LOAD_CONST, ANY},
           {TN_CALL, 2}, {TN_POP_TOP, 0}, {TN_JUMP_FORWARD, 40},
           /* 29 */ {TN_PUSH_EXC_INFO, 0}, {TN_WITH_EXCEPT_START, 0}, {TN_POP_JUMP_IF_TRUE, 36},
           {TN_RERAISE, 2}, {TN_COPY, 3}, {TN_POP_EXCEPT, 0}, {TN_RERAISE, 1},
           /* 36 */ {TN_POP_TOP, 0}, {TN_POP_EXCEPT, 0}, {TN_POP_TOP, 0}, {TN_POP_TOP, 0},
           /* 40 */ {TN_JUMP_BACKWARD, 3},
           /* 41 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    static const TnExcEntry gtable[] = {
        {7, 10, 29, 2, 1}, {29, 33, 33, 4, 1}, {36, 37, 33, 4, 1},
    };
    expect_table(g, gtable, 3);
    release(co);
}

/* ---- generators ----------------------------------------------------------------- */

static void test_generator_function(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def g(a):\n    x = yield a\n    yield\n    r = yield from h(x)\n"
                            "    return r\n");
    TnCode *g = nested(co, "g");
    assert_true(g->flags & TN_CO_GENERATOR);
    assert_true(g->flags & TN_CO_OPTIMIZED);
    EXPECT(g, {TN_RETURN_GENERATOR, 0}, {TN_POP_TOP, 0}, {TN_RESUME, 0},
           /* 3 */ {TN_LOAD_FAST, 0}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 1}, {TN_STORE_FAST, 1},
           /* 7 */ {TN_LOAD_CONST, ANY}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 1}, {TN_POP_TOP, 0},
           /* 11 */ {TN_LOAD_GLOBAL, 0 << 1 | 1}, {TN_LOAD_FAST, 1}, {TN_CALL, 1},
           {TN_GET_YIELD_FROM_ITER, 0}, {TN_LOAD_CONST, ANY},
           /* 16 */ {TN_SEND, 20}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 2}, {TN_JUMP_BACKWARD, 16},
           /* 20 */ {TN_STORE_FAST, 2}, {TN_LOAD_FAST, 2}, {TN_RETURN_VALUE, 0});
    assert_true(tn_tuple_get(g->consts, TN_ARG(g->instr[7])) == TN_NONE);
    assert_int_equal(g->stacksize, 3);
    release(co);

    /* Cells first, then RETURN_GENERATOR; lambdas with yield are generators. */
    co = compile_ok("def f(a):\n    def h():\n        return a\n    yield h\nl = lambda: (yield 1)\n");
    TnCode *f = nested(co, "f");
    EXPECT(f, {TN_MAKE_CELL, 0}, {TN_RETURN_GENERATOR, 0}, {TN_POP_TOP, 0}, {TN_RESUME, 0},
           {TN_LOAD_CLOSURE, 0}, {TN_BUILD_TUPLE, 1}, {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 8},
           {TN_STORE_FAST, 1}, {TN_LOAD_FAST, 1}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 1},
           {TN_POP_TOP, 0}, {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_false(nested(co, "h")->flags & TN_CO_GENERATOR);
    TnCode *l = nested(co, "<lambda>");
    assert_true(l->flags & TN_CO_GENERATOR);
    EXPECT(l, {TN_RETURN_GENERATOR, 0}, {TN_POP_TOP, 0}, {TN_RESUME, 0}, {TN_LOAD_CONST, ANY},
           {TN_YIELD_VALUE, 0}, {TN_RESUME, 1}, {TN_RETURN_VALUE, 0});
    release(co);
}

static void test_generator_expression(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def k(y, m):\n    return sum(i * m for i in y if i)\n");
    TnCode *k = nested(co, "k");
    EXPECT(k, {TN_MAKE_CELL, 1}, {TN_RESUME, 0}, {TN_LOAD_GLOBAL, 0 << 1 | 1},
           {TN_LOAD_CLOSURE, 1}, {TN_BUILD_TUPLE, 1}, {TN_LOAD_CONST, ANY}, {TN_MAKE_FUNCTION, 8},
           {TN_LOAD_FAST, 0}, {TN_GET_ITER, 0}, {TN_CALL, 0}, {TN_CALL, 1}, {TN_RETURN_VALUE, 0});
    TnCode *ge = nested(co, "<genexpr>");
    assert_str(ge->qualname, "k.<locals>.<genexpr>");
    assert_true(ge->flags & TN_CO_GENERATOR);
    assert_int_equal(ge->argcount, 1);
    expect_localsplus(ge, ".0,i,m", "L,L,F");
    EXPECT(ge, {TN_COPY_FREE_VARS, 1}, {TN_RETURN_GENERATOR, 0}, {TN_POP_TOP, 0}, {TN_RESUME, 0},
           /* 4 */ {TN_LOAD_FAST, 0},
           /* 5 */ {TN_FOR_ITER, 16}, {TN_STORE_FAST, 1}, {TN_LOAD_FAST, 1},
           {TN_POP_JUMP_IF_FALSE, 15}, {TN_LOAD_FAST, 1}, {TN_LOAD_DEREF, 2},
           {TN_BINARY_OP, TN_OP_MULT}, {TN_YIELD_VALUE, 0}, {TN_RESUME, 1}, {TN_POP_TOP, 0},
           /* 15 */ {TN_JUMP_BACKWARD, 5},
           /* 16 */ {TN_LOAD_CONST, ANY}, {TN_RETURN_VALUE, 0});
    assert_true(tn_tuple_get(ge->consts, TN_ARG(ge->instr[16])) == TN_NONE);
    release(co);
}

static void test_yield_errors(void **state)
{
    (void)state;
    expect_syntax_error("yield 1\n", "'yield' outside function", 1, 1, 8);
    expect_syntax_error("yield from x\n", "'yield' outside function", 1, 1, 13);
    expect_syntax_error("class C:\n    yield 1\n", "'yield' outside function", 2, 5, 12);
    expect_syntax_error("class C:\n    x = yield from y\n", "'yield' outside function", 2, 9, 21);
    expect_syntax_error("[(yield x) for x in y]\n", "'yield' inside list comprehension", 1, 3, 10);
    expect_syntax_error("def f():\n    return ((yield x) for x in y)\n",
                        "'yield' inside generator expression", 2, 14, 21);
    expect_syntax_error("def f():\n    return {(yield) for x in y}\n",
                        "'yield' inside set comprehension", 2, 14, 19);
    expect_syntax_error("class C(metaclass=A, metaclass=B):\n    pass\n",
                        "keyword argument repeated: metaclass", 1, 22, 33);
}

static void test_opcode_tables(void **state)
{
    (void)state;
    assert_string_equal(tn_opcode_names[TN_LOAD_CONST], "LOAD_CONST");
    assert_string_equal(tn_opcode_names[TN_SETUP_ANNOTATIONS], "SETUP_ANNOTATIONS");
    assert_true(tn_opcode_flags[TN_FOR_ITER] & TN_OPF_JUMP);
    assert_int_equal(tn_opcode_stack_effect(TN_CALL, 3, 0), -4);
    assert_int_equal(tn_opcode_stack_effect(TN_FOR_ITER, 0, 0), 1);
    assert_int_equal(tn_opcode_stack_effect(TN_FOR_ITER, 0, 1), -1);
    assert_int_equal(tn_opcode_stack_effect(TN_JUMP_IF_FALSE_OR_POP, 0, 1), 0);
    assert_int_equal(tn_opcode_stack_effect(TN_JUMP_IF_FALSE_OR_POP, 0, 0), -1);
    assert_int_equal(tn_opcode_stack_effect(TN_LOAD_GLOBAL, 1, 0), 2);
    assert_int_equal(tn_opcode_stack_effect(TN_LOAD_ATTR, 3, 0), 1);
    assert_int_equal(tn_opcode_stack_effect(TN_MAKE_FUNCTION, 1 | 8, 0), -2);
    assert_int_equal(tn_opcode_stack_effect(TN_UNPACK_EX, 1 | 2 << 8, 0), 3);
    assert_int_equal(tn_opcode_stack_effect(TN_CALL_FUNCTION_EX, 1, 0), -3);
    assert_int_equal(tn_opcode_stack_effect(TN_BUILD_MAP, 2, 0), -3);
    assert_int_equal(tn_opcode_stack_effect(TN_RETURN_GENERATOR, 0, 0), 1);
    assert_int_equal(tn_opcode_stack_effect(TN_YIELD_VALUE, 0, 0), 0);
    assert_int_equal(tn_opcode_stack_effect(TN_SEND, 0, 0), 0);
    assert_int_equal(tn_opcode_stack_effect(TN_SEND, 0, 1), -1);
    assert_int_equal(tn_opcode_stack_effect(TN_BEFORE_WITH, 0, 0), 1);
    assert_int_equal(tn_opcode_stack_effect(TN_WITH_EXCEPT_START, 0, 0), 1);
    assert_int_equal(tn_opcode_stack_effect(TN_LOAD_BUILD_CLASS, 0, 0), 1);
}

static void test_dis_output(void **state)
{
    (void)state;
    TnCode *co = compile_ok("def f(a):\n    return a + 1\n");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    tn_code_dump(TN_OBJ(co), out);
    fclose(out);
    assert_non_null(strstr(buf, "  0           0 RESUME                   0\n"));
    assert_non_null(strstr(buf, "              3 STORE_NAME               0 (f)\n"));
    assert_non_null(strstr(buf, "Disassembly of <code object f at "));
    assert_non_null(strstr(buf, "  2           1 LOAD_FAST                0 (a)\n"));
    assert_non_null(strstr(buf, "              3 BINARY_OP                0 (+)\n"));
    free(buf);
    release(co);
}

static int setup(void **state)
{
    (void)state;
    return tn_runtime_init() < 0 ? -1 : 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_module_assign),
        cmocka_unit_test(test_chained_assign_and_unpack),
        cmocka_unit_test(test_operators_and_positions),
        cmocka_unit_test(test_constant_dedup),
        cmocka_unit_test(test_calls),
        cmocka_unit_test(test_call_ex),
        cmocka_unit_test(test_for_break_continue),
        cmocka_unit_test(test_while_else),
        cmocka_unit_test(test_chained_comparison),
        cmocka_unit_test(test_boolops_and_conditions),
        cmocka_unit_test(test_augassign),
        cmocka_unit_test(test_displays_and_slices),
        cmocka_unit_test(test_fstring),
        cmocka_unit_test(test_assert),
        cmocka_unit_test(test_function_defaults_and_flags),
        cmocka_unit_test(test_closure_layout),
        cmocka_unit_test(test_nonlocal_and_global),
        cmocka_unit_test(test_comprehension),
        cmocka_unit_test(test_walrus_in_comprehension),
        cmocka_unit_test(test_lambda_and_decorators),
        cmocka_unit_test(test_recursion_and_return_in_loop),
        cmocka_unit_test(test_try_except_table),
        cmocka_unit_test(test_try_finally_table),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_except_star_errors),
        cmocka_unit_test(test_coroutines),
        cmocka_unit_test(test_class_statement),
        cmocka_unit_test(test_class_variants),
        cmocka_unit_test(test_name_mangling),
        cmocka_unit_test(test_with_statement),
        cmocka_unit_test(test_with_unwinding),
        cmocka_unit_test(test_generator_function),
        cmocka_unit_test(test_generator_expression),
        cmocka_unit_test(test_yield_errors),
        cmocka_unit_test(test_opcode_tables),
        cmocka_unit_test(test_dis_output),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
