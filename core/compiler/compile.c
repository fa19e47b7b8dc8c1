/* core/compiler/compile.c — the bytecode compiler: units, emission, assembly.
 *
 * The compiler follows CPython 3.11's Python/compile.c closely, with the
 * CPython 3.13 calling convention.  It is split in three files:
 *   compile.c       compiler units, instruction emission, name resolution,
 *                   the assembler (labels, closures slots, stack depth,
 *                   exception table) and the entry points;
 *   compile_expr.c  expressions;
 *   compile_stmt.c  statements.
 *
 * Instructions are emitted into a flat array with symbolic arguments; the
 * assembler resolves labels to ABSOLUTE instruction indexes (all jumps go
 * forward except JUMP_BACKWARD), cell/free numbers to localsplus slots, and
 * computes the stack size by a flow pass using tn_opcode_stack_effect().
 *
 * Code object layout
 * ------------------
 * localsplus = parameters (positional incl. posonly, kwonly, *args, **kwargs),
 * other fast locals in order of first use, cells that are not parameters
 * (sorted by name), free variables (sorted by name).  A captured parameter
 * is LOCAL|CELL.  Every code object starts with MAKE_CELL i for each cell
 * slot, COPY_FREE_VARS n if it has free variables, then RESUME 0.
 * Functions: co_consts[0] is the docstring or None (lambdas: None).
 *
 * Bytecode patterns (stack shown as [..], top rightmost)
 * -----------------------------------------------------
 * Calls (callable, self_or_NULL, args):
 *   f(a, b)        LOAD_GLOBAL (f<<1|1) | <f>; PUSH_NULL;  <a>; <b>; CALL 2
 *   f(a, k=b)      ...; <a>; <b>; KW_NAMES ('k',); CALL 2
 *   o.m(a)         <o>; LOAD_ATTR (m<<1|1); <a>; CALL 1
 *   f(*a, **k)     <f>; PUSH_NULL; <positional tuple>; [<kwargs dict>]; CALL_FUNCTION_EX 0|1
 *                  positional: a sole `*x` is pushed as is (any iterable);
 *                  otherwise BUILD_LIST/LIST_APPEND/LIST_EXTEND ... LIST_TO_TUPLE
 *                  (or BUILD_TUPLE n without stars).  kwargs: BUILD_MAP 0;
 *                  <d>; DICT_MERGE 1, named keywords grouped with
 *                  BUILD_MAP n / BUILD_CONST_KEY_MAP n.
 *   decorators     <dec> ... <function>; CALL 0   (dec receives fn as self)
 * Chained comparison `a < b < c`:
 *       <a>; <b>; SWAP 2; COPY 2; COMPARE_OP <; JUMP_IF_FALSE_OR_POP cleanup
 *       <c>; COMPARE_OP <; JUMP_FORWARD end
 *   cleanup: SWAP 2; POP_TOP
 *   end:
 *   (as a condition: POP_JUMP_IF_FALSE cleanup ...; cleanup: POP_TOP)
 * and/or (value): <a>; JUMP_IF_FALSE_OR_POP end (or: JUMP_IF_TRUE_OR_POP); <b>; end:
 * Conditions: POP_JUMP_IF_FALSE/TRUE; `not`, and/or, chained comparisons and
 *   conditional expressions are compiled into jumps; `x is None` /
 *   `x is not None` use POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE.
 * Assignment: <v>; COPY 1 (one per extra target); stores.  Unpacking:
 *   UNPACK_SEQUENCE n or UNPACK_EX (before | after << 8), then stores.
 * Augmented assignment (BINARY_OP op+13):
 *   name       <load x>; <v>; BINARY_OP; <store x>
 *   attribute  <o>; COPY 1; LOAD_ATTR (a<<1); <v>; BINARY_OP; SWAP 2; STORE_ATTR a
 *   subscript  <o>; <k>; COPY 2; COPY 2; BINARY_SUBSCR; <v>; BINARY_OP;
 *              SWAP 3; SWAP 2; STORE_SUBSCR
 * while:  head: <cond> POP_JUMP_IF_FALSE else; <body>; JUMP_BACKWARD head;
 *         else: <orelse>; end:      (`while True:` has no test)
 * for:    <iter>; GET_ITER; head: FOR_ITER else; <store target>; <body>;
 *         JUMP_BACKWARD head; else: <orelse>; end:
 *         break = POP_TOP (the iterator); JUMP_FORWARD end
 *         continue = JUMP_BACKWARD head
 *         return inside = <value>; SWAP 2; POP_TOP (per loop); RETURN_VALUE
 * Functions: [decorators]; [defaults tuple (flag 1)]; [kwdefaults dict:
 *   values, LOAD_CONST names, BUILD_CONST_KEY_MAP (flag 2)];
 *   [LOAD_CLOSURE x ...; BUILD_TUPLE n (flag 8)]; LOAD_CONST code;
 *   MAKE_FUNCTION flags; CALL 0 per decorator; <store name>.
 * Comprehensions (a nested function with one parameter `.0`):
 *   outer:  [closure]; LOAD_CONST <code>; MAKE_FUNCTION; <outermost iter>;
 *           GET_ITER; CALL 0     (the function is called with the iterator as self)
 *   inner:  BUILD_LIST 0 (BUILD_SET / BUILD_MAP); LOAD_FAST .0;
 *           head: FOR_ITER end; <store target>; [<if> POP_JUMP_IF_FALSE head2]...
 *           [nested for loops: <iter>; GET_ITER; FOR_ITER ...]
 *           <elt>; LIST_APPEND depth+1 (SET_ADD depth+1; <k>; <v>; MAP_ADD depth+1)
 *           JUMP_BACKWARD head; end: RETURN_VALUE
 *   (depth = number of iterators on the stack)
 * Closures: cells are read/written with LOAD_DEREF/STORE_DEREF (class
 *   bodies: LOAD_CLASSDEREF); the creating scope pushes LOAD_CLOSURE for
 *   each free variable of the inner code, in its localsplus order.
 * assert: <test>; POP_JUMP_IF_TRUE end; LOAD_ASSERTION_ERROR;
 *         [PUSH_NULL; <msg>; CALL 1]; RAISE_VARARGS 1; end:
 * Module-level annotated assignments: SETUP_ANNOTATIONS at module start;
 *   `x: T = v` -> <v>; STORE_NAME x; <T>; LOAD_NAME __annotations__;
 *   LOAD_CONST 'x'; STORE_SUBSCR.  (Class bodies: the same.)
 *
 * Classes: `@d class C(B1, B2, metaclass=M, **kw): body` (as CPython 3.11)
 *   outer:  <d>; LOAD_BUILD_CLASS; PUSH_NULL;
 *           [LOAD_CLOSURE..; BUILD_TUPLE n]; LOAD_CONST <body code>;
 *           MAKE_FUNCTION 0|8; LOAD_CONST 'C'; <B1>; <B2>;
 *           <M>; KW_NAMES ('metaclass',); CALL 4   (3 + bases + keywords)
 *           (star bases or **kw: the CALL_FUNCTION_EX path of calls, with the
 *           function and 'C' first in the positional tuple), then CALL 0 per
 *           decorator; <store C>.
 *   body code (co_name 'C', co_qualname as CPython: 'f.<locals>.C',
 *           'Outer.Inner'; no OPTIMIZED/NEWLOCALS flags, argcount 0; names
 *           through LOAD_NAME/STORE_NAME, free variables LOAD_CLASSDEREF):
 *           [MAKE_CELL __class__]; [COPY_FREE_VARS n]; RESUME 0;
 *           LOAD_NAME __name__; STORE_NAME __module__;
 *           LOAD_CONST '<qualname>'; STORE_NAME __qualname__;
 *           [SETUP_ANNOTATIONS if the body has annotations];
 *           [LOAD_CONST doc; STORE_NAME __doc__]; <body>;
 *           with a __class__ cell (some method uses `super` or `__class__`):
 *               LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__;
 *               RETURN_VALUE
 *           otherwise: LOAD_CONST None; RETURN_VALUE
 *   __build_class__ calls the body function with the new namespace as its
 *   locals; methods that need it get the __class__ cell as a free variable.
 *   Private names: inside class C, identifiers `__x` (not ending in `__`,
 *   without a dot) become `_C__x` (C without its leading underscores; no
 *   mangling if C is all underscores) in every name operand: variables,
 *   attributes, IMPORT_NAME/IMPORT_FROM, parameters, kwdefaults keys and
 *   __annotations__ keys; nested functions inherit the class's name.
 *
 * Generators: a function (or lambda) containing yield / yield from gets
 *   CO_GENERATOR; its code starts MAKE_CELL..; COPY_FREE_VARS n;
 *   RETURN_GENERATOR; POP_TOP; RESUME 0.  (The stack-depth pass counts
 *   RETURN_GENERATOR as +1: the frame resumes with the first sent value.)
 *   yield x        <x>; YIELD_VALUE; RESUME 1     -> [sent value]
 *   yield          LOAD_CONST None; YIELD_VALUE; RESUME 1
 *                  (as a statement: then POP_TOP)
 *   yield from e   <e>; GET_YIELD_FROM_ITER; LOAD_CONST None;
 *             L:   SEND end; YIELD_VALUE; RESUME 2; JUMP_BACKWARD L;
 *           end:   -> [result]
 *   return v       <v>; RETURN_VALUE (the runtime raises StopIteration(v)).
 * Generator expressions: like comprehensions (outermost iterable evaluated
 *   outside, GET_ITER, CALL 0 with it as `.0`); the code object '<genexpr>'
 *   has CO_GENERATOR and is:
 *           [COPY_FREE_VARS n]; RETURN_GENERATOR; POP_TOP; RESUME 0;
 *           LOAD_FAST .0; head: FOR_ITER end; <store target>; [ifs]...
 *           <elt>; YIELD_VALUE; RESUME 1; POP_TOP; JUMP_BACKWARD head;
 *           end: LOAD_CONST None; RETURN_VALUE
 *
 * Exception handling (CPython 3.11's zero-cost scheme)
 * ----------------------------------------------------
 * Regions are recorded per instruction and flattened into disjoint
 * TnExcEntry ranges (sorted by start; an instruction is covered by the
 * entry of its innermost try).  depth = value-stack depth at the try's
 * entry (the items below it stay); with lasti the raising instruction's
 * index is pushed before the exception.  In the listings, "[h: L, lasti]"
 * marks the instructions a handler covers.  As in CPython, RERAISE 1 takes
 * the lasti below the exception only to restore the frame's current
 * instruction (for line numbers): the handler for the re-raised exception
 * is looked up at the RERAISE instruction itself, whose region is the one
 * enclosing the handler (looking it up at lasti would find the same
 * cleanup handler again and loop forever).
 *
 * try: B except E as n: H  [else: O]:
 *        <B>                           [h: except_, depth d]
 *        <O>; JUMP_FORWARD end
 *   except_:                           stack [exc]
 *        PUSH_EXC_INFO                 [h: cleanup, depth d+1, lasti] ->
 *                                      [prev, exc]
 *        <E>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next_handler
 *        STORE n                       [prev]  (bare `except:` / no name: POP_TOP)
 *        <H>                           [h: cleanup_end, depth d+1, lasti]
 *        POP_EXCEPT; LOAD_CONST None; STORE n; DELETE n; JUMP_FORWARD end
 *   cleanup_end:                       [prev, lasti, exc2]   (only with a name)
 *        LOAD_CONST None; STORE n; DELETE n; RERAISE 1   [h: cleanup]
 *   next_handler: ... (more handlers) ...
 *        RERAISE 0                     no handler matched [prev, exc]
 *   cleanup:                           [prev, lasti, exc2]
 *        COPY 3; POP_EXCEPT; RERAISE 1
 *   end:
 *
 * try: B finally: F:
 *        <B>                           [h: finally_, depth d]
 *        <F>; JUMP_FORWARD end         (normal exit: F inlined)
 *   finally_:                          [exc]
 *        PUSH_EXC_INFO                 [h: cleanup, depth d+1, lasti] -> [prev, exc]
 *        <F>
 *        RERAISE 0
 *   cleanup:                           [prev, lasti, exc2]
 *        COPY 3; POP_EXCEPT; RERAISE 1
 *   end:
 *   return/break/continue inside B run F inline first (return keeps its
 *   value on the stack: <v>; <F>; RETURN_VALUE); inside F's exceptional
 *   copy they first pop the handler state: [SWAP 2;] POP_TOP (exc); POP_EXCEPT.
 * try/except/finally = try: (try/except) finally: F.
 *
 * try: B except* T1 as n: H1 ... [else: O]   (PEP 654, CPython 3.11's layout)
 *        <B>                           [h: except_, depth d]
 *        <O>; JUMP_FORWARD end
 *   except_:                           [exc]
 *        PUSH_EXC_INFO                 [h: cleanup, depth d+1, lasti] -> [prev, exc]
 *        COPY 1; BUILD_LIST 0; SWAP 2  [prev, orig, res, exc]  (res: what the
 *                                      clauses raise or re-raise)
 *     per clause:
 *        <T>; CHECK_EG_MATCH           [.., rest, match] (match is now the handled
 *                                      exception) or [.., exc, None]
 *        COPY 1; POP_JUMP_IF_NONE no_match
 *        STORE n (or POP_TOP)          [prev, orig, res, rest]
 *        <H>                           [h: cleanup_end, depth d+4, lasti]
 *        [LOAD_CONST None; STORE n; DELETE n]; JUMP_FORWARD next
 *   cleanup_end:                       [.., rest, lasti, exc2]
 *        [LOAD_CONST None; STORE n; DELETE n]
 *        LIST_APPEND 3; POP_TOP; JUMP_FORWARD next   (exc2 joins res)
 *   no_match: POP_TOP
 *   next: ... (the next clause sees the rest; None once all matched)
 *     after the last clause:
 *        LIST_APPEND 1                 [prev, orig, res]  (the unhandled rest joins)
 *        PREP_RERAISE_STAR             [prev, exc_or_None]
 *        COPY 1; POP_JUMP_IF_NOT_NONE reraise
 *        POP_TOP; POP_EXCEPT; JUMP_FORWARD end
 *   reraise:                           (outside the cleanup region)
 *        SWAP 2; POP_EXCEPT; RERAISE 0
 *   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
 *   end:
 *   break/continue/return that would leave a clause are SyntaxErrors (the
 *   TN_FB_EXCEPTION_GROUP_HANDLER block); with finally: try: (try/except*) finally: F.
 * Leaving an except handler early (return/break/continue in H):
 *   [SWAP 2;] POP_EXCEPT, then for a named handler LOAD_CONST None;
 *   STORE n; DELETE n.
 *
 * with A() as a: B   (CPython 3.11's layout)
 *        <A()>; BEFORE_WITH            [exit, enter_result]
 *        <store a> (or POP_TOP)        [h: H, depth d+1 (exit only), lasti]
 *        <B>                           [h: H, depth d+1, lasti]
 *        LOAD_CONST None; LOAD_CONST None; LOAD_CONST None; CALL 2; POP_TOP
 *                                      (exit(None, None, None): the middle
 *                                      None sits in the self slot)
 *        JUMP_FORWARD end
 *   H:                                 [exit, lasti, exc]
 *        PUSH_EXC_INFO                 [h: C, depth d+3, lasti] -> [exit, lasti, prev_exc, exc]
 *        WITH_EXCEPT_START             [h: C] -> [.., exc, res]
 *        POP_JUMP_IF_TRUE S            [h: C]
 *        RERAISE 2                     [h: C]  (not suppressed; lasti at -3)
 *   C:   COPY 3; POP_EXCEPT; RERAISE 1 [prev_exc, lasti2, exc2 on top]
 *   S:   POP_TOP                       [h: C]  (suppressed: drop exc)
 *        POP_EXCEPT; POP_TOP; POP_TOP  (prev_exc restored; lasti, exit popped)
 *   end:
 *   The handler region starts right after BEFORE_WITH, so the store of `a`
 *   is covered; its depth excludes the __enter__ result (TnHandler's
 *   depth_adjust -1).  `with A as a, B as b:` nests B's statement inside
 *   A's.  return/break/continue in B call exit on the way out (after
 *   leaving H's region, at the with statement's location): for a return
 *   value: SWAP 2; LOAD_CONST None x3; CALL 2; POP_TOP (value back on top).
 *
 * Coroutines (CPython 3.11's patterns)
 * ------------------------------------
 * `async def` gets CO_COROUTINE (CO_ASYNC_GENERATOR if it also yields) and
 *   the generator prologue (RETURN_GENERATOR; POP_TOP; RESUME 0); it is
 *   compiled in a TN_UNIT_ASYNC_FUNCTION unit.  The runtime makes a
 *   coroutine / async_generator object instead of a generator.
 * await e        <e>; GET_AWAITABLE 0; LOAD_CONST None;
 *           L:   SEND end; YIELD_VALUE; RESUME 3; JUMP_BACKWARD L;
 *         end:   -> [result]          ("<await>" below)
 * yield x in an async generator: <x>; ASYNC_GEN_WRAP; YIELD_VALUE; RESUME 1
 *   (the asend/athrow awaitables turn a wrapped value into StopIteration(x)
 *   and pass anything else, from an await, through to the driver).
 * async for t in it: B else: O
 *        <it>; GET_AITER
 *   start: GET_ANEXT; LOAD_CONST None; <send loop>   [h: except, depth d+1]
 *        <store t>; <B>; JUMP_BACKWARD start
 *   except: END_ASYNC_FOR         [aiter, exc]: StopAsyncIteration pops
 *                                 both and continues, anything else re-raises
 *        <O>
 *   end:  (break/return pop the aiter as `for` pops its iterator)
 * async with A() as a: B  -- the `with` layout, with:
 *        <A()>; BEFORE_ASYNC_WITH; GET_AWAITABLE 1; LOAD_CONST None; <send loop>
 *        then the handler region, <store a>, <B>, and
 *        normal exit:  LOAD_CONST None x3; CALL 2; GET_AWAITABLE 2; LOAD_CONST None;
 *                      <send loop>; POP_TOP
 *        handler:      PUSH_EXC_INFO; WITH_EXCEPT_START; GET_AWAITABLE 2;
 *                      LOAD_CONST None; <send loop>; POP_JUMP_IF_TRUE S; ...
 *        return/break/continue inside: exit(None, None, None) awaited the same way.
 * Async comprehensions: the comprehension function is a coroutine (an async
 *   generator for a generator expression) when it contains `async for` or
 *   `await`.  Outer: ...; <outermost iter>; GET_AITER (if the first `for` is
 *   async, else GET_ITER); CALL 0; then, except for genexps:
 *   GET_AWAITABLE 0; LOAD_CONST None; <send loop>.  Each `async for`:
 *        [<iter>; GET_AITER]   (the first: LOAD_FAST .0)
 *   start: GET_ANEXT; LOAD_CONST None; <send loop>   [h: except, depth d]
 *        <store target>; [ifs]; <inner loops / element>; JUMP_BACKWARD start
 *   except: END_ASYNC_FOR
 * SyntaxErrors as CPython: "'await' outside function", "'await' outside
 *   async function" (lambdas, plain functions; allowed in comprehensions),
 *   "'async for' / 'async with' outside async function", "'yield from'
 *   inside async function", "'return' with value in async generator",
 *   "asynchronous comprehension outside of an asynchronous function".
 */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "core/compiler/compile_internal.h"
#include "core/compiler/parser.h"
#include "core/objects/complex.h"

#define COMPILER_RECURSION_LIMIT 3000

/* ==================================================================== */
/* Errors                                                                */
/* ==================================================================== */

static int verror_at(TnCompiler *c, TnAstLoc loc, const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof(buf), fmt, ap);
    tn_compiler_syntax_error(c->filename, c->source, c->srclen, loc, buf);
    return -1;
}

/* SyntaxError at the location of the node being compiled.  Returns -1. */
int tn_comp_error(TnCompiler *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(c, c->u->loc, fmt, ap);
    va_end(ap);
    return -1;
}

int tn_comp_error_at(TnCompiler *c, TnAstLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(c, loc, fmt, ap);
    va_end(ap);
    return -1;
}

/* A construct the compiler does not handle yet: SyntaxError at its location. */
int tn_comp_unsupported(TnCompiler *c, TnAstLoc loc, const char *what)
{
    return tn_comp_error_at(c, loc, "%s not supported yet", what);
}

/* A compile-time SyntaxWarning, printed in the format of CPython's default
 * warnings.showwarning: "file:line: SyntaxWarning: msg" then the stripped
 * source line.  There is no warnings module yet, so filters (-W error) do
 * not apply; this goes through the warnings machinery once it exists.
 * Returns 0. */
int tn_comp_warn(TnCompiler *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    int lineno = c->u->loc.lineno;
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", c->filename, lineno, msg);
    if (c->source == NULL || c->filename[0] == '<' || lineno <= 0)
        return 0;
    const char *p = c->source, *end = c->source + c->srclen;
    for (int line = 1; line < lineno && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (e == NULL)
        e = end;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (e > p)
        fprintf(stderr, "  %.*s\n", (int)(e - p), p);
    return 0;
}

int tn_comp_enter_recursion(TnCompiler *c)
{
    if (++c->recursion > COMPILER_RECURSION_LIMIT) {
        c->recursion--;
        tn_err_set_str(&tn_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    /* The depth limit assumes a main-thread stack; threads may have less. */
    if (tn_check_c_stack(" during compilation") < 0) {
        c->recursion--;
        return -1;
    }
    return 0;
}

static int system_error(const char *msg)
{
    tn_err_set_str(&tn_exc_SystemError, msg);
    return -1;
}

/* ==================================================================== */
/* Constants: deduplicated by (type, value)                              */
/* ==================================================================== */

static uint64_t double_bits(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof(bits));
    return bits;
}

static uint64_t float_bits(TnObject *v) { return double_bits(tn_float_value(v)); }

/* Same type and same value, where 0.0 and -0.0 differ and a NaN equals
 * itself (same bits); tuples compare item by item the same way.  Types
 * without a known value compare by identity. */
static bool const_eq(TnObject *a, TnObject *b)
{
    if (a == b)
        return true;
    TnType *t = tn_type(a);
    if (t != tn_type(b))
        return false;
    if (t == &tn_type_int) {
        int o1 = 0, o2 = 0;
        int64_t x = tn_int_as_i64(a, &o1), y = tn_int_as_i64(b, &o2);
        return !o1 && !o2 && x == y;
    }
    if (t == &tn_type_float)
        return float_bits(a) == float_bits(b);
    if (t == &tn_type_complex)
        return double_bits(tn_complex_real(a)) == double_bits(tn_complex_real(b))
               && double_bits(tn_complex_imag(a)) == double_bits(tn_complex_imag(b));
    if (t == &tn_type_str)
        return tn_str_eq(a, b);
    if (t == &tn_type_tuple) {
        tn_ssize_t n = tn_tuple_size(a);
        if (n != tn_tuple_size(b))
            return false;
        for (tn_ssize_t i = 0; i < n; i++)
            if (!const_eq(tn_tuple_get(a, i), tn_tuple_get(b, i)))
                return false;
        return true;
    }
    return false;
}

static size_t mix(size_t h)
{
    h ^= h >> 33;
    h *= (size_t)0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static size_t const_hash(TnObject *v)
{
    TnType *t = tn_type(v);
    if (t == &tn_type_int) {
        int o = 0;
        int64_t x = tn_int_as_i64(v, &o);
        if (!o)
            return mix((size_t)x);
    } else if (t == &tn_type_float) {
        return mix((size_t)float_bits(v));
    } else if (t == &tn_type_complex) {
        return mix((size_t)(double_bits(tn_complex_real(v)) * 31 + double_bits(tn_complex_imag(v))));
    } else if (t == &tn_type_str) {
        return (size_t)tn_str_hash(v);
    } else if (t == &tn_type_tuple) {
        size_t h = 0x345678;
        for (tn_ssize_t i = 0; i < tn_tuple_size(v); i++)
            h = mix(h * 1000003 ^ const_hash(tn_tuple_get(v, i)));
        return h;
    }
    return mix((size_t)(uintptr_t)v);
}

static void consts_clear(TnConstTable *t)
{
    for (tn_ssize_t i = 0; i < t->n; i++)
        tn_decref(t->items[i]);
    tn_mem_free(t->items);
    tn_mem_free(t->index);
    memset(t, 0, sizeof(*t));
}

static int consts_reindex(TnConstTable *t)
{
    size_t size = 16;
    while (size < (size_t)t->n * 2 + 2)
        size *= 2;
    tn_ssize_t *index = tn_mem_calloc(size, sizeof(tn_ssize_t));
    if (index == NULL)
        return -1;
    tn_mem_free(t->index);
    t->index = index;
    t->mask = size - 1;
    for (tn_ssize_t k = 0; k < t->n; k++) {
        size_t i = const_hash(t->items[k]) & t->mask;
        while (index[i] != 0)
            i = (i + 1) & t->mask;
        index[i] = k + 1;
    }
    return 0;
}

tn_ssize_t tn_comp_add_const(TnCompiler *c, TnObject *v)
{
    TnConstTable *t = &c->u->consts;
    if (t->index != NULL) {
        size_t i = const_hash(v) & t->mask;
        for (tn_ssize_t slot; (slot = t->index[i]) != 0; i = (i + 1) & t->mask)
            if (const_eq(t->items[slot - 1], v))
                return slot - 1;
    }
    if (t->n == t->cap) {
        tn_ssize_t cap = t->cap ? t->cap * 2 : 8;
        TnObject **items = tn_mem_realloc(t->items, (size_t)cap * sizeof(TnObject *));
        if (items == NULL) {
            tn_err_no_memory();
            return -1;
        }
        t->items = items;
        t->cap = cap;
    }
    t->items[t->n++] = tn_newref(v);
    if (t->index == NULL || (size_t)t->n * 2 > t->mask) {
        if (consts_reindex(t) < 0) {
            tn_err_no_memory();
            return -1;
        }
    } else {
        size_t i = const_hash(v) & t->mask;
        while (t->index[i] != 0)
            i = (i + 1) & t->mask;
        t->index[i] = t->n;
    }
    return t->n - 1;
}

int tn_comp_emit_const(TnCompiler *c, TnObject *v)
{
    tn_ssize_t i = tn_comp_add_const(c, v);
    if (i < 0)
        return -1;
    return tn_comp_emit(c, TN_LOAD_CONST, (int)i);
}

int tn_comp_emit_const_steal(TnCompiler *c, TnObject *v)
{
    if (v == NULL)
        return -1;
    int r = tn_comp_emit_const(c, v);
    tn_decref(v);
    return r;
}

/* ==================================================================== */
/* Emission                                                              */
/* ==================================================================== */

int tn_comp_emit_k(TnCompiler *c, int op, int arg, int argkind)
{
    TnUnit *u = c->u;
    if (arg < 0 || arg > TN_MAX_OPARG)
        return system_error("compiler: instruction argument out of range");
    if (u->ninstr == u->capinstr) {
        tn_ssize_t cap = u->capinstr ? u->capinstr * 2 : 64;
        size_t bytes;
        if (tn_mem_mul((size_t)cap, sizeof(TnInstr), &bytes)) {
            tn_err_no_memory();
            return -1;
        }
        TnInstr *ni = tn_mem_realloc(u->instrs, bytes);
        if (ni == NULL) {
            tn_err_no_memory();
            return -1;
        }
        u->instrs = ni;
        u->capinstr = cap;
    }
    TnInstr *in = &u->instrs[u->ninstr++];
    in->op = op;
    in->arg = arg;
    in->argkind = argkind;
    in->handler = u->cur_handler;
    in->pos.lineno = u->loc.lineno;
    in->pos.end_lineno = u->loc.end_lineno;
    in->pos.col = u->loc.col_offset;
    in->pos.end_col = u->loc.end_col_offset;
    return 0;
}

int tn_comp_emit(TnCompiler *c, int op, int arg)
{
    return tn_comp_emit_k(c, op, arg, TN_ARGK_PLAIN);
}

int tn_comp_new_label(TnCompiler *c)
{
    TnUnit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int cap = u->caplabels ? u->caplabels * 2 : 32;
        tn_ssize_t *nl = tn_mem_realloc(u->labels, (size_t)cap * sizeof(tn_ssize_t));
        if (nl == NULL) {
            tn_err_no_memory();
            return -1;
        }
        u->labels = nl;
        u->caplabels = cap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void tn_comp_bind_label(TnCompiler *c, int label)
{
    c->u->labels[label] = c->u->ninstr;
}

int tn_comp_emit_jump(TnCompiler *c, int op, int label)
{
    return tn_comp_emit_k(c, op, label, TN_ARGK_LABEL);
}

int tn_comp_emit_goto(TnCompiler *c, int label)
{
    bool bound = c->u->labels[label] >= 0;
    return tn_comp_emit_jump(c, bound ? TN_JUMP_BACKWARD : TN_JUMP_FORWARD, label);
}

tn_ssize_t tn_comp_add_name(TnCompiler *c, TnObject *name)
{
    TnNameMap *m = &c->u->names;
    tn_ssize_t i = tn_namemap_find(m, name);
    if (i >= 0)
        return i;
    return tn_namemap_set(m, name, (int)m->n);
}

TnObject *tn_comp_mangle(TnCompiler *c, TnObject *name)
{
    return tn_symtable_mangle(c->u->private_name, name);
}

/* op with a co_names index; LOAD_GLOBAL/LOAD_ATTR get index << 1 | lowbit.
 * The name is mangled (as every name CPython's ADDOP_NAME emits). */
int tn_comp_emit_name_bit(TnCompiler *c, int op, TnObject *name, int lowbit)
{
    if ((name = tn_comp_mangle(c, name)) == NULL)
        return -1;
    tn_ssize_t i = tn_comp_add_name(c, name);
    if (i < 0)
        return -1;
    if (op == TN_LOAD_GLOBAL || op == TN_LOAD_ATTR) {
        if (i > (TN_MAX_OPARG >> 1))
            return system_error("compiler: too many names");
        i = i << 1 | lowbit;
    }
    return tn_comp_emit(c, op, (int)i);
}

int tn_comp_emit_name(TnCompiler *c, int op, TnObject *name)
{
    return tn_comp_emit_name_bit(c, op, name, 0);
}

/* ==================================================================== */
/* Names                                                                 */
/* ==================================================================== */

typedef enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } NameOpType;

/* How name is accessed in the current unit (idx and kind are set for OP_DEREF). */
static NameOpType resolve_name(TnCompiler *c, TnObject *name, tn_ssize_t *idx, int *kind)
{
    TnUnit *u = c->u;
    int scope = tn_symentry_scope(u->ste, name);
    bool function = u->ste->type == TN_BLOCK_FUNCTION;
    switch (scope) {
    case TN_SCOPE_FREE:
        *idx = tn_namemap_find(&u->freevars, name);
        *kind = TN_ARGK_FREE;
        return OP_DEREF;
    case TN_SCOPE_CELL:
        *idx = tn_namemap_find(&u->cellvars, name);
        *kind = TN_ARGK_CELL;
        return OP_DEREF;
    case TN_SCOPE_LOCAL:
        return function ? OP_FAST : OP_NAME;
    case TN_SCOPE_GLOBAL_IMPLICIT:
        return function ? OP_GLOBAL : OP_NAME;
    case TN_SCOPE_GLOBAL_EXPLICIT:
        return OP_GLOBAL;
    default:
        return OP_NAME;
    }
}

static int fast_index(TnCompiler *c, TnObject *name)
{
    TnNameMap *m = &c->u->varnames;
    tn_ssize_t i = tn_namemap_find(m, name);
    if (i < 0)
        i = tn_namemap_set(m, name, (int)m->n);
    return (int)i;
}

int tn_comp_nameop(TnCompiler *c, TnObject *name, TnExprContext ctx)
{
    if ((name = tn_comp_mangle(c, name)) == NULL)
        return -1;
    tn_ssize_t idx = -1;
    int kind = TN_ARGK_PLAIN;
    NameOpType t = resolve_name(c, name, &idx, &kind);
    static const int ops[4][3] = {
        [OP_NAME] = {TN_LOAD_NAME, TN_STORE_NAME, TN_DELETE_NAME},
        [OP_FAST] = {TN_LOAD_FAST, TN_STORE_FAST, TN_DELETE_FAST},
        [OP_GLOBAL] = {TN_LOAD_GLOBAL, TN_STORE_GLOBAL, TN_DELETE_GLOBAL},
        [OP_DEREF] = {TN_LOAD_DEREF, TN_STORE_DEREF, TN_DELETE_DEREF},
    };
    int which = ctx == TN_CTX_LOAD ? 0 : ctx == TN_CTX_STORE ? 1 : 2;
    int op = ops[t][which];
    switch (t) {
    case OP_DEREF:
        if (idx < 0)
            return system_error("compiler: cell variable not found");
        if (op == TN_LOAD_DEREF && c->u->ste->type == TN_BLOCK_CLASS)
            op = TN_LOAD_CLASSDEREF;
        return tn_comp_emit_k(c, op, (int)idx, kind);
    case OP_FAST: {
        int i = fast_index(c, name);
        return i < 0 ? -1 : tn_comp_emit(c, op, i);
    }
    default:
        return tn_comp_emit_name(c, op, name);
    }
}

/* Load name as a callable followed by NULL (LOAD_GLOBAL's push-null bit). */
int tn_comp_load_callable_name(TnCompiler *c, TnObject *name)
{
    tn_ssize_t idx;
    int kind;
    if ((name = tn_comp_mangle(c, name)) == NULL)
        return -1;
    if (resolve_name(c, name, &idx, &kind) == OP_GLOBAL)
        return tn_comp_emit_name_bit(c, TN_LOAD_GLOBAL, name, 1);
    TN_TRY(tn_comp_nameop(c, name, TN_CTX_LOAD));
    return tn_comp_emit(c, TN_PUSH_NULL, 0);
}

/* ==================================================================== */
/* Frame blocks and exception handlers                                   */
/* ==================================================================== */

int tn_comp_push_fblock(TnCompiler *c, TnFBlockType type, int block, int exit, void *datum)
{
    TnUnit *u = c->u;
    if (u->nfblocks >= TN_MAX_FBLOCKS)
        return tn_comp_error(c, "too many statically nested blocks");
    TnFBlock *f = &u->fblocks[u->nfblocks++];
    f->type = type;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    f->loc = u->loc;
    return 0;
}

void tn_comp_pop_fblock(TnCompiler *c)
{
    c->u->nfblocks--;
}

/* Start a try region whose handler is at label.  Returns its index. */
int tn_comp_setup_handler(TnCompiler *c, int label, int lasti)
{
    return tn_comp_setup_handler_adj(c, label, lasti, 0);
}

int tn_comp_setup_handler_adj(TnCompiler *c, int label, int lasti, int depth_adjust)
{
    TnUnit *u = c->u;
    if (u->nhandlers == u->caphandlers) {
        int cap = u->caphandlers ? u->caphandlers * 2 : 8;
        TnHandler *nh = tn_mem_realloc(u->handlers, (size_t)cap * sizeof(TnHandler));
        if (nh == NULL) {
            tn_err_no_memory();
            return -1;
        }
        u->handlers = nh;
        u->caphandlers = cap;
    }
    TnHandler *h = &u->handlers[u->nhandlers];
    h->label = label;
    h->parent = u->cur_handler;
    h->setup_index = u->ninstr;
    h->lasti = lasti;
    h->depth_adjust = depth_adjust;
    h->depth = -1;
    u->cur_handler = u->nhandlers;
    return u->nhandlers++;
}

/* End the innermost try region (CPython's POP_BLOCK). */
void tn_comp_pop_handler(TnCompiler *c)
{
    TnUnit *u = c->u;
    if (u->cur_handler >= 0)
        u->cur_handler = u->handlers[u->cur_handler].parent;
}

/* Bind a handler's label: its code runs under the regions that enclosed the try. */
void tn_comp_bind_handler(TnCompiler *c, int handler)
{
    TnUnit *u = c->u;
    tn_comp_bind_label(c, u->handlers[handler].label);
    u->cur_handler = u->handlers[handler].parent;
}

/* ==================================================================== */
/* Scopes                                                                */
/* ==================================================================== */

static int cmp_names(const void *a, const void *b)
{
    return tn_str_compare(*(TnObject *const *)a, *(TnObject *const *)b);
}

/* Names of ste with scope `scope` (or, if flag, with that DEF flag), sorted,
 * into map with values 0..n-1. */
static int names_by_scope(TnSymEntry *ste, int scope, int flag, TnNameMap *map)
{
    tn_ssize_t n = 0;
    TnObject **arr = tn_mem_alloc((size_t)(ste->symbols.n + 1) * sizeof(TnObject *));
    if (arr == NULL) {
        tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0; i < ste->symbols.n; i++) {
        int v = ste->symbols.values[i];
        if (((v >> TN_SCOPE_SHIFT) & TN_SCOPE_MASK) == scope || (v & flag))
            arr[n++] = ste->symbols.keys[i];
    }
    qsort(arr, (size_t)n, sizeof(TnObject *), cmp_names);
    int r = 0;
    for (tn_ssize_t i = 0; i < n && r == 0; i++)
        if (tn_namemap_set(map, arr[i], (int)i) < 0)
            r = -1;
    tn_mem_free(arr);
    return r;
}

/* co_qualname per CPython: `f.<locals>.g`, `C.m`, `<lambda>`... */
static TnObject *make_qualname(TnUnit *u)
{
    TnUnit *parent = u->parent;
    if (parent == NULL || parent->parent == NULL)
        return tn_newref(u->name);
    if (u->type == TN_UNIT_FUNCTION || u->type == TN_UNIT_ASYNC_FUNCTION || u->type == TN_UNIT_CLASS) {
        TnObject *mangled = tn_symtable_mangle(parent->private_name, u->name);
        if (mangled == NULL)
            return NULL;
        if (tn_symentry_scope(parent->ste, mangled) == TN_SCOPE_GLOBAL_EXPLICIT)
            return tn_newref(u->name);
    }
    bool locals = parent->type == TN_UNIT_FUNCTION || parent->type == TN_UNIT_ASYNC_FUNCTION
               || parent->type == TN_UNIT_LAMBDA;
    return tn_str_from_format(locals ? "%U.<locals>.%U" : "%U.%U", parent->qualname, u->name);
}

static void unit_free(TnUnit *u)
{
    tn_xdecref(u->name);
    tn_xdecref(u->qualname);
    tn_mem_free(u->instrs);
    tn_mem_free(u->labels);
    consts_clear(&u->consts);
    tn_namemap_clear(&u->names);
    tn_namemap_clear(&u->varnames);
    tn_namemap_clear(&u->cellvars);
    tn_namemap_clear(&u->freevars);
    tn_mem_free(u->handlers);
    tn_mem_free(u);
}

/* Emit the prologue: MAKE_CELL per cell, COPY_FREE_VARS, [generators:
 * RETURN_GENERATOR; POP_TOP], RESUME 0. */
static int emit_prologue(TnCompiler *c)
{
    TnUnit *u = c->u;
    TnAstLoc none = {-1, -1, -1, -1};
    u->loc = none;
    for (tn_ssize_t i = 0; i < u->cellvars.n; i++)
        TN_TRY(tn_comp_emit_k(c, TN_MAKE_CELL, (int)i, TN_ARGK_CELL));
    if (u->freevars.n > 0)
        TN_TRY(tn_comp_emit(c, TN_COPY_FREE_VARS, (int)u->freevars.n));
    if (u->ste->type == TN_BLOCK_FUNCTION && (u->ste->generator || u->ste->coroutine)) {
        TnAstLoc gen = {u->firstlineno, 0, u->firstlineno, 0};
        u->loc = gen;
        TN_TRY(tn_comp_emit(c, TN_RETURN_GENERATOR, 0));
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    }
    TnAstLoc resume = {u->firstlineno, 0, u->firstlineno, 0};
    if (u->type == TN_UNIT_MODULE) {
        resume.lineno = 0;
        resume.end_lineno = 1;
    }
    u->loc = resume;
    return tn_comp_emit(c, TN_RESUME, 0);
}

/* Push a new unit for the block opened by AST node key.  name is borrowed. */
int tn_comp_enter_scope(TnCompiler *c, TnObject *name, TnUnitType type, const void *key,
                        int firstlineno)
{
    TnUnit *u = tn_mem_calloc(1, sizeof(TnUnit));
    if (u == NULL) {
        tn_err_no_memory();
        return -1;
    }
    u->parent = c->u;
    u->type = type;
    u->name = tn_newref(name);
    u->private_name = c->u != NULL ? c->u->private_name : NULL;
    u->firstlineno = firstlineno;
    u->cur_handler = -1;
    c->u = u;
    c->nestlevel++;
    u->ste = u->parent ? tn_symtable_lookup(u->parent->ste, key) : c->st->top;
    if (u->ste == NULL)
        return system_error("compiler: unknown scope");
    for (tn_ssize_t i = 0; i < u->ste->varnames.n; i++)
        if (tn_namemap_set(&u->varnames, u->ste->varnames.keys[i], (int)i) < 0)
            return -1;
    TN_TRY(names_by_scope(u->ste, TN_SCOPE_CELL, 0, &u->cellvars));
    if (type == TN_UNIT_CLASS && u->ste->needs_class_closure) {
        TnObject *cls = tn_str_intern_cstr("__class__");
        if (cls == NULL || tn_namemap_set(&u->cellvars, cls, (int)u->cellvars.n) < 0)
            return -1;
    }
    TN_TRY(names_by_scope(u->ste, TN_SCOPE_FREE, TN_DEF_FREE_CLASS, &u->freevars));
    if (type != TN_UNIT_MODULE) {
        u->qualname = make_qualname(u);
        if (u->qualname == NULL)
            return -1;
    } else {
        u->qualname = tn_newref(name);
    }
    return emit_prologue(c);
}

void tn_comp_exit_scope(TnCompiler *c)
{
    TnUnit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(u);
}

/* ==================================================================== */
/* Assembler                                                             */
/* ==================================================================== */

static bool is_terminator(int op)
{
    return op == TN_RETURN_VALUE || op == TN_RAISE_VARARGS || op == TN_RERAISE
        || op == TN_JUMP_FORWARD || op == TN_JUMP_BACKWARD;
}

/* Does control reach the end of the instruction array? */
static bool falls_off_end(TnUnit *u)
{
    if (u->ninstr == 0 || !is_terminator(u->instrs[u->ninstr - 1].op))
        return true;
    for (int i = 0; i < u->nlabels; i++)
        if (u->labels[i] == u->ninstr)
            return true;
    return false;
}

typedef struct Layout {
    int nlocals, nplaincells, nfree, nlocalsplus;
    int *cell_slot;   /* cell index -> localsplus slot */
} Layout;

static int compute_layout(TnUnit *u, Layout *L)
{
    L->nlocals = (int)u->varnames.n;
    L->nfree = (int)u->freevars.n;
    L->cell_slot = tn_mem_alloc((size_t)(u->cellvars.n + 1) * sizeof(int));
    if (L->cell_slot == NULL) {
        tn_err_no_memory();
        return -1;
    }
    int k = 0;
    for (tn_ssize_t i = 0; i < u->cellvars.n; i++) {
        tn_ssize_t v = tn_namemap_find(&u->varnames, u->cellvars.keys[i]);
        L->cell_slot[i] = v >= 0 ? (int)v : L->nlocals + k++;
    }
    L->nplaincells = k;
    L->nlocalsplus = L->nlocals + k + L->nfree;
    return 0;
}

static int build_localsplus(TnUnit *u, const Layout *L, TnObject **names_out, uint8_t **kinds_out)
{
    TnObject *names = tn_tuple_new(L->nlocalsplus);
    uint8_t *kinds = tn_mem_calloc((size_t)L->nlocalsplus + 1, 1);
    if (names == NULL || kinds == NULL) {
        tn_xdecref(names);
        tn_mem_free(kinds);
        if (names != NULL)
            tn_err_no_memory();
        return -1;
    }
    for (int i = 0; i < L->nlocals; i++) {
        tn_tuple_set_steal(names, i, tn_newref(u->varnames.keys[i]));
        kinds[i] = TN_LOCAL_KIND_LOCAL;
    }
    for (tn_ssize_t i = 0; i < u->cellvars.n; i++) {
        int slot = L->cell_slot[i];
        if (slot >= L->nlocals)
            tn_tuple_set_steal(names, slot, tn_newref(u->cellvars.keys[i]));
        kinds[slot] |= TN_LOCAL_KIND_CELL;
    }
    for (int i = 0; i < L->nfree; i++) {
        int slot = L->nlocals + L->nplaincells + i;
        tn_tuple_set_steal(names, slot, tn_newref(u->freevars.keys[i]));
        kinds[slot] = TN_LOCAL_KIND_FREE;
    }
    *names_out = names;
    *kinds_out = kinds;
    return 0;
}

/* Resolve symbolic arguments into the final instruction words. */
static int resolve_args(TnUnit *u, const Layout *L, TnCodeUnit *out)
{
    for (tn_ssize_t i = 0; i < u->ninstr; i++) {
        TnInstr *in = &u->instrs[i];
        tn_ssize_t arg = in->arg;
        switch (in->argkind) {
        case TN_ARGK_LABEL:
            arg = u->labels[in->arg];
            if (arg < 0)
                return system_error("compiler: jump to an unbound label");
            if (in->op == TN_JUMP_BACKWARD ? arg > i : arg <= i)
                return system_error("compiler: jump in the wrong direction");
            break;
        case TN_ARGK_CELL:
            arg = L->cell_slot[in->arg];
            break;
        case TN_ARGK_FREE:
            arg = L->nlocals + L->nplaincells + in->arg;
            break;
        default:
            break;
        }
        if (arg < 0 || arg > TN_MAX_OPARG)
            return system_error("compiler: instruction argument out of range");
        in->arg = (int)arg;
        in->argkind = TN_ARGK_PLAIN;
        out[i] = TN_MAKE_INSTR(in->op, arg);
    }
    return 0;
}

typedef struct Work {
    tn_ssize_t *stack;
    tn_ssize_t n;
    int *depth;
} Work;

/* Record depth d for instruction i and queue it; -1 on inconsistency. */
static int visit_target(Work *w, tn_ssize_t i, int d, int *maxdepth)
{
    if (d < 0)
        return system_error("compiler: stack underflow");
    if (d > *maxdepth)
        *maxdepth = d;
    if (w->depth[i] >= 0)
        return w->depth[i] == d ? 0 : system_error("compiler: inconsistent stack depth");
    w->depth[i] = d;
    w->stack[w->n++] = i;
    return 0;
}

/* The maximum value-stack depth, by a flow pass from instruction 0 and from
 * every reachable exception handler.  Fills handler depths. */
static int stack_depth(TnUnit *u, int *result)
{
    tn_ssize_t n = u->ninstr;
    int maxdepth = 0, r = -1;
    Work w = {0};
    /* head[i]: first handler set up at instruction i; next[h]: chain. */
    int *head = tn_mem_alloc((size_t)(n + 1) * sizeof(int));
    int *next = tn_mem_alloc((size_t)(u->nhandlers + 1) * sizeof(int));
    w.depth = tn_mem_alloc((size_t)(n + 1) * sizeof(int));
    /* Each instruction is queued at most once. */
    w.stack = tn_mem_alloc((size_t)(n + 1) * sizeof(tn_ssize_t));
    if (head == NULL || next == NULL || w.depth == NULL || w.stack == NULL) {
        tn_err_no_memory();
        goto done;
    }
    for (tn_ssize_t i = 0; i <= n; i++) {
        head[i] = -1;
        w.depth[i] = -1;
    }
    for (int h = u->nhandlers - 1; h >= 0; h--) {
        next[h] = head[u->handlers[h].setup_index];
        head[u->handlers[h].setup_index] = h;
    }
    if (n > 0 && visit_target(&w, 0, 0, &maxdepth) < 0)
        goto done;
    while (w.n > 0) {
        tn_ssize_t i = w.stack[--w.n];
        int d = w.depth[i];
        for (;;) {
            for (int h = head[i]; h >= 0; h = next[h]) {
                TnHandler *hd = &u->handlers[h];
                hd->depth = d + hd->depth_adjust;
                if (hd->depth < 0) {
                    system_error("compiler: stack underflow");
                    goto done;
                }
                if (visit_target(&w, u->labels[hd->label], hd->depth + 1 + hd->lasti,
                                 &maxdepth) < 0)
                    goto done;
            }
            head[i] = -1;
            TnInstr *in = &u->instrs[i];
            if (tn_opcode_flags[in->op] & TN_OPF_JUMP) {
                int dj = d + tn_opcode_stack_effect(in->op, in->arg, 1);
                if (visit_target(&w, in->arg, dj, &maxdepth) < 0)
                    goto done;
            }
            if (is_terminator(in->op))
                break;
            d += tn_opcode_stack_effect(in->op, in->arg, 0);
            if (d < 0) {
                system_error("compiler: stack underflow");
                goto done;
            }
            if (d > maxdepth)
                maxdepth = d;
            if (++i >= n)
                break;
            if (w.depth[i] >= 0) {
                if (w.depth[i] != d) {
                    system_error("compiler: inconsistent stack depth");
                    goto done;
                }
                break;
            }
            w.depth[i] = d;
        }
    }
    *result = maxdepth > 0 ? maxdepth : 1;
    r = 0;
done:
    tn_mem_free(head);
    tn_mem_free(next);
    tn_mem_free(w.depth);
    tn_mem_free(w.stack);
    return r;
}

/* Flatten per-instruction handlers into disjoint, sorted ranges. */
static int build_exctable(TnUnit *u, TnExcEntry **out, int *nout)
{
    *out = NULL;
    *nout = 0;
    if (u->nhandlers == 0)
        return 0;
    TnExcEntry *tab = NULL;
    int n = 0, cap = 0;
    tn_ssize_t i = 0;
    while (i < u->ninstr) {
        int h = u->instrs[i].handler;
        tn_ssize_t start = i;
        while (i < u->ninstr && u->instrs[i].handler == h)
            i++;
        if (h < 0 || u->handlers[h].depth < 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            TnExcEntry *nt = tn_mem_realloc(tab, (size_t)cap * sizeof(TnExcEntry));
            if (nt == NULL) {
                tn_mem_free(tab);
                tn_err_no_memory();
                return -1;
            }
            tab = nt;
        }
        TnHandler *hd = &u->handlers[h];
        tab[n].start = (int32_t)start;
        tab[n].end = (int32_t)i;
        tab[n].target = (int32_t)u->labels[hd->label];
        tab[n].depth = hd->depth;
        tab[n].lasti = hd->lasti;
        n++;
    }
    *out = tab;
    *nout = n;
    return 0;
}

static TnObject *consts_tuple(TnConstTable *t)
{
    TnObject *tup = tn_tuple_new(t->n);
    if (tup == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < t->n; i++)
        tn_tuple_set_steal(tup, i, tn_newref(t->items[i]));
    return tup;
}

static TnObject *names_tuple(TnNameMap *m)
{
    TnObject *tup = tn_tuple_new(m->n);
    if (tup == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < m->n; i++)
        tn_tuple_set_steal(tup, i, tn_newref(m->keys[i]));
    return tup;
}

static int code_flags(TnUnit *u)
{
    TnSymEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == TN_BLOCK_FUNCTION) {
        flags |= TN_CO_NEWLOCALS | TN_CO_OPTIMIZED;
        if (ste->nested)
            flags |= TN_CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= TN_CO_GENERATOR;
        if (!ste->generator && ste->coroutine)
            flags |= TN_CO_COROUTINE;
        if (ste->generator && ste->coroutine)
            flags |= TN_CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= TN_CO_VARARGS;
        if (ste->varkeywords)
            flags |= TN_CO_VARKEYWORDS;
    }
    if (u->cellvars.n == 0 && u->freevars.n == 0)
        flags |= TN_CO_NOFREE;
    return flags;
}

TnObject *tn_comp_assemble(TnCompiler *c, bool add_none)
{
    TnUnit *u = c->u;
    Layout L = {0};
    TnCode *co = NULL;
    if (falls_off_end(u)) {
        if (add_none && tn_comp_emit_const(c, TN_NONE) < 0)
            return NULL;
        if (tn_comp_emit(c, TN_RETURN_VALUE, 0) < 0)
            return NULL;
    }
    if (compute_layout(u, &L) < 0)
        return NULL;
    co = tn_code_alloc();
    if (co == NULL)
        goto error;
    co->ninstr = u->ninstr;
    co->instr = tn_mem_alloc((size_t)u->ninstr * sizeof(TnCodeUnit) + 1);
    co->positions = tn_mem_alloc((size_t)u->ninstr * sizeof(TnCodePos) + 1);
    if (co->instr == NULL || co->positions == NULL) {
        tn_err_no_memory();
        goto error;
    }
    if (resolve_args(u, &L, co->instr) < 0)
        goto error;
    for (tn_ssize_t i = 0; i < u->ninstr; i++)
        co->positions[i] = u->instrs[i].pos;
    if (stack_depth(u, &co->stacksize) < 0)
        goto error;
    if (build_exctable(u, &co->exctable, &co->nexctable) < 0)
        goto error;
    if (build_localsplus(u, &L, &co->localsplusnames, &co->localspluskinds) < 0)
        goto error;
    co->consts = consts_tuple(&u->consts);
    co->names = names_tuple(&u->names);
    if (co->consts == NULL || co->names == NULL)
        goto error;
    co->argcount = u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->nlocalsplus = L.nlocalsplus;
    co->nfreevars = L.nfree;
    co->flags = code_flags(u);
    co->firstlineno = u->firstlineno;
    co->filename = tn_newref(c->filename_obj);
    co->name = tn_newref(u->name);
    co->qualname = tn_newref(u->qualname);
    if (tn_code_finish(co) < 0)
        goto error;
    tn_mem_free(L.cell_slot);
    return TN_OBJ(co);
error:
    tn_mem_free(L.cell_slot);
    if (co != NULL)
        tn_decref(TN_OBJ(co));
    return NULL;
}

/* Push the closure (if the code has free variables) and MAKE_FUNCTION. */
int tn_comp_make_closure(TnCompiler *c, TnObject *code, int flags)
{
    TnCode *co = (TnCode *)code;
    TnUnit *u = c->u;
    if (co->nfreevars > 0) {
        for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
            TnObject *name = tn_tuple_get(co->localsplusnames, i);
            int scope = tn_symentry_scope(u->ste, name);
            bool cell = scope == TN_SCOPE_CELL
                || (u->type == TN_UNIT_CLASS && tn_str_eq_cstr(name, "__class__"));
            tn_ssize_t idx = tn_namemap_find(cell ? &u->cellvars : &u->freevars, name);
            if (idx < 0)
                return system_error("compiler: closure variable not found");
            TN_TRY(tn_comp_emit_k(c, TN_LOAD_CLOSURE, (int)idx, cell ? TN_ARGK_CELL : TN_ARGK_FREE));
        }
        TN_TRY(tn_comp_emit(c, TN_BUILD_TUPLE, co->nfreevars));
        flags |= 8;
    }
    TN_TRY(tn_comp_emit_const(c, code));
    return tn_comp_emit(c, TN_MAKE_FUNCTION, flags);
}

TnObject *tn_comp_docstring(TnAstSeq *body)
{
    if (tn_ast_seq_len(body) == 0)
        return NULL;
    TnStmt *s = TN_SEQ_GET(body, 0);
    if (s->kind != TN_STMT_EXPR || s->v.expr.value->kind != TN_EXPR_CONSTANT)
        return NULL;
    TnObject *v = s->v.expr.value->v.constant.value;
    return tn_str_check_exact(v) ? v : NULL;
}

/* ==================================================================== */
/* Entry points                                                          */
/* ==================================================================== */

TnObject *tn_compile_ast_source(TnMod *mod, const char *filename, TnCompileMode mode,
                                TnArena *arena, const char *src, tn_ssize_t len)
{
    TnCompiler c;
    TnObject *co = NULL;
    (void)arena;
    memset(&c, 0, sizeof(c));
    c.filename = filename;
    c.source = src;
    c.srclen = src ? len : 0;
    c.mode = mode;
    c.filename_obj = tn_str_from_cstr(filename);
    if (c.filename_obj == NULL)
        return NULL;
    if (tn_comp_parse_future(&c, mod) < 0)
        goto done;
    c.st = tn_symtable_build(mod, filename, c.source, c.srclen, c.future_annotations);
    if (c.st == NULL)
        goto done;
    TnObject *name = tn_str_intern_cstr("<module>");
    if (name == NULL || tn_comp_enter_scope(&c, name, TN_UNIT_MODULE, mod, 1) < 0)
        goto done;
    if (tn_comp_module_body(&c, mod) < 0)
        goto done;
    co = tn_comp_assemble(&c, mod->kind != TN_MODE_EVAL);
done:
    while (c.u != NULL)
        tn_comp_exit_scope(&c);
    tn_symtable_free(c.st);
    tn_decref(c.filename_obj);
    return co;
}

TnObject *tn_compile_ast(TnMod *mod, const char *filename, TnCompileMode mode, TnArena *arena)
{
    return tn_compile_ast_source(mod, filename, mode, arena, NULL, 0);
}

TnObject *tn_compile_source(const char *src, tn_ssize_t len, const char *filename,
                            TnCompileMode mode)
{
    TnArena *arena = tn_arena_new();
    if (arena == NULL)
        return NULL;
    TnObject *co = NULL;
    TnMod *mod = tn_parse_string(src, len, filename, mode, arena);
    if (mod != NULL)
        co = tn_compile_ast_source(mod, filename, mode, arena, src, len);
    tn_arena_free(arena);
    return co;
}
