/* core/objects/code.h — code objects: compiled bytecode plus its tables.
 *
 * A code object is immutable after tn_code_finish: the compiler allocates it
 * with tn_code_alloc, fills every field (ownership of the arrays and objects
 * passes to the code object), then calls tn_code_finish, which validates it
 * and makes its constants immortal-safe to share.
 */
#ifndef TN_CODE_H
#define TN_CODE_H

#include "core/object.h"

typedef uint32_t TnCodeUnit;
#define TN_OP(w) ((unsigned)((w) & 0xFFu))
#define TN_ARG(w) ((unsigned)((w) >> 8))
#define TN_MAKE_INSTR(op, arg) ((TnCodeUnit)(op) | ((TnCodeUnit)(arg) << 8))
#define TN_MAX_OPARG 0xFFFFFF

/* co_flags: same values as CPython. */
#define TN_CO_OPTIMIZED       0x0001
#define TN_CO_NEWLOCALS       0x0002
#define TN_CO_VARARGS         0x0004
#define TN_CO_VARKEYWORDS     0x0008
#define TN_CO_NESTED          0x0010
#define TN_CO_GENERATOR       0x0020
#define TN_CO_NOFREE          0x0040
#define TN_CO_COROUTINE       0x0080
#define TN_CO_ITERABLE_COROUTINE 0x0100
#define TN_CO_ASYNC_GENERATOR 0x0200

/* Kinds of localsplus slots (CPython's CO_FAST_*). A parameter captured by
 * an inner function is LOCAL|CELL: MAKE_CELL wraps its value at entry. */
#define TN_LOCAL_KIND_LOCAL 0x20
#define TN_LOCAL_KIND_CELL  0x40
#define TN_LOCAL_KIND_FREE  0x80

/* Source position of one instruction; -1 where unknown.  Columns are
 * 0-based UTF-8 byte offsets, as in CPython's co_positions(). */
typedef struct TnCodePos {
    int32_t lineno, end_lineno, col, end_col;
} TnCodePos;

/* Exception table entry (zero-cost try): an exception raised by an
 * instruction in [start, end) jumps to target after popping the value stack
 * down to depth; if lasti is set, the raising instruction's index is pushed
 * (as an int) before the exception. */
typedef struct TnExcEntry {
    int32_t start, end, target, depth, lasti;
} TnExcEntry;

typedef struct TnCode {
    TnObject ob;
    int argcount;          /* positional parameters, including positional-only */
    int posonlyargcount;
    int kwonlyargcount;
    int nlocalsplus;       /* all slots: locals (params first), cells, frees */
    int nfreevars;         /* the last nfreevars slots are free variables */
    int stacksize;         /* maximum value-stack depth */
    int flags;             /* TN_CO_* */
    int firstlineno;
    tn_ssize_t ninstr;
    TnCodeUnit *instr;     /* owned (tn_mem_free) */
    TnCodePos *positions;  /* owned, ninstr entries */
    TnExcEntry *exctable;  /* owned, nexctable entries, sorted by start */
    int nexctable;
    TnObject *consts;      /* tuple */
    TnObject *names;       /* tuple of str: globals, attributes, imports */
    TnObject *localsplusnames; /* tuple of str, nlocalsplus entries */
    uint8_t *localspluskinds;  /* owned, nlocalsplus entries */
    TnObject *filename;    /* str */
    TnObject *name;        /* str */
    TnObject *qualname;    /* str */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnCode;

extern TnType tn_type_code;

static inline bool tn_code_check(const TnObject *op) { return op->type == &tn_type_code; }

/* A zeroed code object owned by the caller, or NULL + MemoryError. */
TnCode *tn_code_alloc(void);
/* Validate (every oparg in range, stacksize > 0 if code is non-empty) and
 * freeze.  Returns 0, or -1 with SystemError set. */
int tn_code_finish(TnCode *co);
/* Line number of instruction index i (-1 if unknown). */
int tn_code_line_of(const TnCode *co, tn_ssize_t i);

#endif
