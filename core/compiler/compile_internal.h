/* core/compiler/compile_internal.h — shared by compile.c, compile_expr.c
 * and compile_stmt.c only.  Not part of the interpreter's API.
 *
 * A compiler unit (Unit) is one code object being built: a flat array of
 * instructions with symbolic arguments (labels for jumps, cell/free
 * numbers for closure slots) that compile.c's assembler resolves, measures
 * (stack depth) and turns into a TnCode.
 */
#ifndef TN_COMPILE_INTERNAL_H
#define TN_COMPILE_INTERNAL_H

#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/compiler/opcodes.h"
#include "core/compiler/symtable.h"
#include "core/compiler/compile.h"

/* How an instruction's argument is resolved by the assembler. */
enum {
    TN_ARGK_PLAIN = 0,
    TN_ARGK_LABEL,   /* arg is a label number */
    TN_ARGK_CELL,    /* arg is an index into the unit's cellvars */
    TN_ARGK_FREE     /* arg is an index into the unit's freevars */
};

typedef struct TnInstr {
    int op;
    int arg;
    int argkind;
    int handler;        /* exception handler covering it (index), -1 = none */
    TnCodePos pos;
} TnInstr;

/* One try region: an exception raised by an instruction while this is the
 * current handler jumps to `label` with the value stack cut to the depth it
 * had at the setup point (measured by the assembler), plus lasti if set. */
typedef struct TnHandler {
    int label;
    int parent;         /* handler current when this one was set up, -1 */
    tn_ssize_t setup_index; /* first instruction emitted after the setup */
    int lasti;
    int depth_adjust;   /* added to the setup depth (with: -1, the __enter__ result) */
    int depth;          /* filled by the stack-depth pass, -1 = unreachable */
} TnHandler;

/* Frame blocks: the static nesting that break/continue/return unwind. */
typedef enum {
    TN_FB_WHILE_LOOP, TN_FB_FOR_LOOP, TN_FB_TRY_EXCEPT, TN_FB_FINALLY_TRY,
    TN_FB_FINALLY_END, TN_FB_HANDLER_CLEANUP, TN_FB_EXCEPTION_HANDLER,
    TN_FB_POP_VALUE, TN_FB_WITH, TN_FB_ASYNC_WITH,
    TN_FB_EXCEPTION_GROUP_HANDLER   /* except* clauses: break/continue/return may not leave them */
} TnFBlockType;

typedef struct TnFBlock {
    TnFBlockType type;
    int block;          /* label: loop head (continue) */
    int exit;           /* label: after the loop (break) */
    void *datum;        /* finally body (TnAstSeq *), handler name (TnObject *), with (TnStmt *) */
    TnAstLoc loc;
} TnFBlock;

#define TN_MAX_FBLOCKS 20
#define TN_STACK_USE_GUIDELINE 30

typedef enum {
    TN_UNIT_MODULE, TN_UNIT_FUNCTION, TN_UNIT_LAMBDA, TN_UNIT_COMPREHENSION, TN_UNIT_CLASS,
    TN_UNIT_ASYNC_FUNCTION
} TnUnitType;

/* Constants of a unit: owned references, deduplicated by (type, value). */
typedef struct TnConstTable {
    TnObject **items;
    tn_ssize_t n, cap;
    tn_ssize_t *index;
    size_t mask;
} TnConstTable;

typedef struct TnUnit {
    struct TnUnit *parent;
    TnSymEntry *ste;
    TnUnitType type;
    TnObject *name;         /* owned */
    TnObject *qualname;     /* owned */
    TnObject *private_name; /* borrowed: enclosing class name for mangling, or NULL */
    TnInstr *instrs;
    tn_ssize_t ninstr, capinstr;
    tn_ssize_t *labels;     /* label -> instruction index, -1 = not bound */
    int nlabels, caplabels;
    TnConstTable consts;
    TnNameMap names;        /* co_names: value = index */
    TnNameMap varnames;     /* fast locals, parameters first */
    TnNameMap cellvars;     /* sorted */
    TnNameMap freevars;     /* sorted */
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    TnAstLoc loc;           /* location given to emitted instructions */
    TnFBlock fblocks[TN_MAX_FBLOCKS];
    int nfblocks;
    TnHandler *handlers;
    int nhandlers, caphandlers;
    int cur_handler;
} TnUnit;

typedef struct TnCompiler {
    TnSymtable *st;
    const char *filename;
    TnObject *filename_obj;
    const char *source;
    tn_ssize_t srclen;
    TnCompileMode mode;
    TnUnit *u;
    int nestlevel;
    int recursion;
    bool future_annotations;    /* from __future__ import annotations (PEP 563) */
    int future_lineno;          /* line of the last valid future import, 0 = none */
} TnCompiler;

#define TN_TRY(x) do { if ((x) < 0) return -1; } while (0)

/* ---- compile.c: units, emission, errors ---- */
int tn_comp_error(TnCompiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tn_comp_error_at(TnCompiler *c, TnAstLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int tn_comp_unsupported(TnCompiler *c, TnAstLoc loc, const char *what);
/* SyntaxWarning at the current line (stderr, CPython's format).  Returns 0. */
int tn_comp_warn(TnCompiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tn_comp_emit(TnCompiler *c, int op, int arg);
int tn_comp_emit_k(TnCompiler *c, int op, int arg, int argkind);
int tn_comp_new_label(TnCompiler *c);
void tn_comp_bind_label(TnCompiler *c, int label);
int tn_comp_emit_jump(TnCompiler *c, int op, int label);
/* Unconditional jump: JUMP_BACKWARD if label is bound, else JUMP_FORWARD. */
int tn_comp_emit_goto(TnCompiler *c, int label);
/* Index of a constant (borrowed; the table takes its own reference), or -1. */
tn_ssize_t tn_comp_add_const(TnCompiler *c, TnObject *v);
int tn_comp_emit_const(TnCompiler *c, TnObject *v);
int tn_comp_emit_const_steal(TnCompiler *c, TnObject *v);
tn_ssize_t tn_comp_add_name(TnCompiler *c, TnObject *name);
int tn_comp_emit_name(TnCompiler *c, int op, TnObject *name);
/* LOAD_GLOBAL/LOAD_ATTR: arg = index << 1 | lowbit (push NULL / method form). */
int tn_comp_emit_name_bit(TnCompiler *c, int op, TnObject *name, int lowbit);
int tn_comp_nameop(TnCompiler *c, TnObject *name, TnExprContext ctx);
/* Load a name as a callable plus NULL: LOAD_GLOBAL (i<<1|1) or <load>; PUSH_NULL. */
int tn_comp_load_callable_name(TnCompiler *c, TnObject *name);
int tn_comp_enter_scope(TnCompiler *c, TnObject *name, TnUnitType type, const void *key,
                        int firstlineno);
void tn_comp_exit_scope(TnCompiler *c);
/* Assemble the current unit into a code object (new reference or NULL). */
TnObject *tn_comp_assemble(TnCompiler *c, bool add_none);
/* LOAD_CLOSURE... BUILD_TUPLE (if free vars), LOAD_CONST code, MAKE_FUNCTION. */
int tn_comp_make_closure(TnCompiler *c, TnObject *code, int flags);
int tn_comp_push_fblock(TnCompiler *c, TnFBlockType type, int block, int exit, void *datum);
void tn_comp_pop_fblock(TnCompiler *c);
/* Exception regions. */
int tn_comp_setup_handler(TnCompiler *c, int label, int lasti);
/* Same, with the handler's depth = depth at the setup point + depth_adjust. */
int tn_comp_setup_handler_adj(TnCompiler *c, int label, int lasti, int depth_adjust);
/* Private name mangling with the current unit's class (borrowed result, NULL on error). */
TnObject *tn_comp_mangle(TnCompiler *c, TnObject *name);
void tn_comp_pop_handler(TnCompiler *c);
void tn_comp_bind_handler(TnCompiler *c, int handler);
int tn_comp_enter_recursion(TnCompiler *c);
static inline void tn_comp_leave_recursion(TnCompiler *c) { c->recursion--; }
/* The str constant that starts body, if it is a docstring, else NULL. */
TnObject *tn_comp_docstring(TnAstSeq *body);
static inline void tn_comp_set_loc(TnCompiler *c, TnAstLoc loc) { c->u->loc = loc; }

/* ---- compile_expr.c ---- */
int tn_comp_expr(TnCompiler *c, TnExpr *e);
/* Evaluate e and jump to label if its truth is cond (POP_JUMP_IF_*). */
int tn_comp_jump_if(TnCompiler *c, TnExpr *e, int label, bool cond);
/* [recv, v] -> the send loop of yield from / await (RESUME resume_arg) -> [result]. */
int tn_comp_emit_send_loop(TnCompiler *c, int resume_arg);
/* [o] -> GET_AWAITABLE where; LOAD_CONST None; send loop (RESUME 3) -> [result]. */
int tn_comp_emit_await(TnCompiler *c, int where);
/* Evaluate the default-argument tuple/dict; returns MAKE_FUNCTION flags or -1. */
int tn_comp_default_arguments(TnCompiler *c, TnArguments *args);
/* Push the annotations tuple ('name', value, ..., 'return', value) of a
 * function: 1 if pushed (MAKE_FUNCTION flag 4), 0 if none, -1 on error. */
int tn_comp_function_annotations(TnCompiler *c, TnArguments *args, TnExpr *returns);
/* Validate keywords, then push the arguments of a call whose [callable,
 * self_or_NULL] and n more positional items are already on the stack, and
 * CALL (or CALL_FUNCTION_EX). */
int tn_comp_call_helper(TnCompiler *c, int n, TnAstSeq *args, TnAstSeq *keywords);
/* Set the current unit's argcount (incl. posonly), posonly and kwonly counts. */
void tn_comp_set_arg_counts(TnCompiler *c, TnArguments *a);
/* Is e a constant whose truth is known (1 true, 0 false, -1 unknown)? */
int tn_comp_const_truth(TnExpr *e);

/* ---- compile_stmt.c ---- */
int tn_comp_stmt(TnCompiler *c, TnStmt *s);
int tn_comp_stmts(TnCompiler *c, TnAstSeq *seq);
int tn_comp_module_body(TnCompiler *c, TnMod *mod);

/* ---- future.c ---- */
/* Check the future imports at the start of mod and record their features
 * (SyntaxErrors as CPython's future.c).  0 / -1. */
int tn_comp_parse_future(TnCompiler *c, TnMod *mod);
/* SyntaxError for a `from __future__` import after the start.  0 / -1. */
int tn_comp_check_late_future(TnCompiler *c, TnStmt *s);
/* An annotation: its value, or its source text as a str constant under
 * `from __future__ import annotations` (compile_expr.c). */
int tn_comp_annotation(TnCompiler *c, TnExpr *annotation);

/* ---- compile_match.c ---- */
/* The match statement (PEP 634), as CPython 3.11. */
int tn_comp_match(TnCompiler *c, TnStmt *s);

#endif
