/* core/compiler/ast.h — the abstract syntax tree.
 *
 * Mirrors CPython 3.11's ASDL (Parser/Python.asdl) so that the compiler and
 * the teaching material map onto what people know.  All nodes live in a
 * TnArena and are freed together; the arena also owns one reference to every
 * object stored in the tree (identifiers, constants).
 *
 * Locations: every stmt/expr/arg/keyword/excepthandler/pattern carries
 * lineno/end_lineno (1-based) and col_offset/end_col_offset (0-based UTF-8
 * byte offsets within the line), exactly as CPython's ast module reports.
 *
 * Sequences: TnAstSeq holds n pointers; a NULL sequence pointer means empty.
 */
#ifndef TN_AST_H
#define TN_AST_H

#include "core/object.h"

/* ---- arena ------------------------------------------------------------- */

typedef struct TnArena TnArena;
TnArena *tn_arena_new(void);
void tn_arena_free(TnArena *arena);
/* Zeroed memory that lives as long as the arena; NULL + MemoryError on failure. */
void *tn_arena_alloc(TnArena *arena, size_t size);
/* The arena takes over one reference to obj (kept alive until tn_arena_free).
 * Returns 0, or -1 (MemoryError; obj's reference is dropped). */
int tn_arena_add_object_steal(TnArena *arena, TnObject *obj);

typedef struct TnAstSeq {
    tn_ssize_t n;
    void *items[];
} TnAstSeq;
TnAstSeq *tn_ast_seq_new(TnArena *arena, tn_ssize_t n);
static inline tn_ssize_t tn_ast_seq_len(const TnAstSeq *s) { return s ? s->n : 0; }
#define TN_SEQ_GET(seq, i) ((seq)->items[(i)])

typedef struct TnAstLoc {
    int lineno, col_offset, end_lineno, end_col_offset;
} TnAstLoc;

/* ---- enums ------------------------------------------------------------- */

typedef enum { TN_CTX_LOAD = 1, TN_CTX_STORE, TN_CTX_DEL } TnExprContext;
typedef enum { TN_BOOL_AND = 1, TN_BOOL_OR } TnBoolOpKind;
/* Values match the BINARY_OP oparg (CPython's NB_* order). */
typedef enum {
    TN_OP_ADD = 0, TN_OP_BITAND = 1, TN_OP_FLOORDIV = 2, TN_OP_LSHIFT = 3,
    TN_OP_MATMUL = 4, TN_OP_MULT = 5, TN_OP_MOD = 6, TN_OP_BITOR = 7,
    TN_OP_POW = 8, TN_OP_RSHIFT = 9, TN_OP_SUB = 10, TN_OP_DIV = 11,
    TN_OP_BITXOR = 12
} TnOperator;
#define TN_OP_INPLACE_OFFSET 13   /* BINARY_OP oparg for "a op= b" is op + 13 */
typedef enum { TN_UOP_INVERT = 1, TN_UOP_NOT, TN_UOP_UADD, TN_UOP_USUB } TnUnaryOpKind;
typedef enum {
    TN_CMP_EQ = 1, TN_CMP_NOTEQ, TN_CMP_LT, TN_CMP_LTE, TN_CMP_GT, TN_CMP_GTE,
    TN_CMP_IS, TN_CMP_ISNOT, TN_CMP_IN, TN_CMP_NOTIN
} TnCmpOpKind;

typedef struct TnExpr TnExpr;
typedef struct TnStmt TnStmt;
typedef struct TnPattern TnPattern;

/* ---- helper nodes ------------------------------------------------------ */

typedef struct TnArg {
    TnObject *arg;             /* identifier (interned str) */
    TnExpr *annotation;        /* may be NULL */
    TnAstLoc loc;
} TnArg;

typedef struct TnArguments {
    TnAstSeq *posonlyargs;     /* TnArg* */
    TnAstSeq *args;            /* TnArg* */
    TnArg *vararg;             /* may be NULL */
    TnAstSeq *kwonlyargs;      /* TnArg* */
    TnAstSeq *kw_defaults;     /* TnExpr*, same length as kwonlyargs, NULL items = no default */
    TnArg *kwarg;              /* may be NULL */
    TnAstSeq *defaults;        /* TnExpr*, for the last len(defaults) of posonlyargs+args */
} TnArguments;

typedef struct TnKeyword {
    TnObject *arg;             /* NULL for **kwargs */
    TnExpr *value;
    TnAstLoc loc;
} TnKeyword;

typedef struct TnAlias {
    TnObject *name;            /* dotted name for import, e.g. "a.b.c", or "*" */
    TnObject *asname;          /* may be NULL */
    TnAstLoc loc;
} TnAlias;

typedef struct TnWithItem {
    TnExpr *context_expr;
    TnExpr *optional_vars;     /* may be NULL */
} TnWithItem;

typedef struct TnComprehension {
    TnExpr *target;
    TnExpr *iter;
    TnAstSeq *ifs;             /* TnExpr* */
    int is_async;
} TnComprehension;

typedef struct TnExceptHandler {
    TnExpr *type;              /* may be NULL (bare except) */
    TnObject *name;            /* may be NULL */
    TnAstSeq *body;            /* TnStmt* */
    TnAstLoc loc;
} TnExceptHandler;

typedef struct TnMatchCase {
    TnPattern *pattern;
    TnExpr *guard;             /* may be NULL */
    TnAstSeq *body;            /* TnStmt* */
} TnMatchCase;

/* ---- expressions ------------------------------------------------------- */

typedef enum {
    TN_EXPR_BOOLOP = 1, TN_EXPR_NAMEDEXPR, TN_EXPR_BINOP, TN_EXPR_UNARYOP,
    TN_EXPR_LAMBDA, TN_EXPR_IFEXP, TN_EXPR_DICT, TN_EXPR_SET, TN_EXPR_LISTCOMP,
    TN_EXPR_SETCOMP, TN_EXPR_DICTCOMP, TN_EXPR_GENERATOREXP, TN_EXPR_AWAIT,
    TN_EXPR_YIELD, TN_EXPR_YIELDFROM, TN_EXPR_COMPARE, TN_EXPR_CALL,
    TN_EXPR_FORMATTEDVALUE, TN_EXPR_JOINEDSTR, TN_EXPR_CONSTANT,
    TN_EXPR_ATTRIBUTE, TN_EXPR_SUBSCRIPT, TN_EXPR_STARRED, TN_EXPR_NAME,
    TN_EXPR_LIST, TN_EXPR_TUPLE, TN_EXPR_SLICE
} TnExprKind;

struct TnExpr {
    TnExprKind kind;
    TnAstLoc loc;
    union {
        struct { TnBoolOpKind op; TnAstSeq *values; } boolop;
        struct { TnExpr *target; TnExpr *value; } namedexpr;
        struct { TnExpr *left; TnOperator op; TnExpr *right; } binop;
        struct { TnUnaryOpKind op; TnExpr *operand; } unaryop;
        struct { TnArguments *args; TnExpr *body; } lambda;
        struct { TnExpr *test; TnExpr *body; TnExpr *orelse; } ifexp;
        struct { TnAstSeq *keys; TnAstSeq *values; } dict;   /* key NULL = **value */
        struct { TnAstSeq *elts; } set;
        /* listcomp, setcomp, generatorexp */
        struct { TnExpr *elt; TnAstSeq *generators; } comp;  /* TnComprehension* */
        struct { TnExpr *key; TnExpr *value; TnAstSeq *generators; } dictcomp;
        struct { TnExpr *value; } await_;
        struct { TnExpr *value; } yield;       /* value may be NULL */
        struct { TnExpr *value; } yieldfrom;
        struct { TnExpr *left; int *ops; TnAstSeq *comparators; } compare; /* ops: TnCmpOpKind[n] */
        struct { TnExpr *func; TnAstSeq *args; TnAstSeq *keywords; } call; /* TnExpr*, TnKeyword* */
        /* conversion: -1 none, 's', 'r', 'a'; format_spec: JoinedStr or NULL */
        struct { TnExpr *value; int conversion; TnExpr *format_spec; } formattedvalue;
        struct { TnAstSeq *values; } joinedstr;
        /* value: int, float, complex, str, bytes, None, True, False, Ellipsis.
         * kind: "u" for u-prefixed strings, else NULL. */
        struct { TnObject *value; TnObject *kind; } constant;
        struct { TnExpr *value; TnObject *attr; TnExprContext ctx; } attribute;
        struct { TnExpr *value; TnExpr *slice; TnExprContext ctx; } subscript;
        struct { TnExpr *value; TnExprContext ctx; } starred;
        struct { TnObject *id; TnExprContext ctx; } name;
        struct { TnAstSeq *elts; TnExprContext ctx; } list;
        struct { TnAstSeq *elts; TnExprContext ctx; } tuple;
        struct { TnExpr *lower; TnExpr *upper; TnExpr *step; } slice; /* each may be NULL */
    } v;
};

/* ---- statements -------------------------------------------------------- */

typedef enum {
    TN_STMT_FUNCTIONDEF = 1, TN_STMT_ASYNCFUNCTIONDEF, TN_STMT_CLASSDEF,
    TN_STMT_RETURN, TN_STMT_DELETE, TN_STMT_ASSIGN, TN_STMT_AUGASSIGN,
    TN_STMT_ANNASSIGN, TN_STMT_FOR, TN_STMT_ASYNCFOR, TN_STMT_WHILE, TN_STMT_IF,
    TN_STMT_WITH, TN_STMT_ASYNCWITH, TN_STMT_MATCH, TN_STMT_RAISE, TN_STMT_TRY,
    TN_STMT_TRYSTAR, TN_STMT_ASSERT, TN_STMT_IMPORT, TN_STMT_IMPORTFROM,
    TN_STMT_GLOBAL, TN_STMT_NONLOCAL, TN_STMT_EXPR, TN_STMT_PASS,
    TN_STMT_BREAK, TN_STMT_CONTINUE
} TnStmtKind;

struct TnStmt {
    TnStmtKind kind;
    TnAstLoc loc;
    union {
        /* FunctionDef and AsyncFunctionDef */
        struct { TnObject *name; TnArguments *args; TnAstSeq *body;
                 TnAstSeq *decorator_list; TnExpr *returns; } functiondef;
        struct { TnObject *name; TnAstSeq *bases; TnAstSeq *keywords;
                 TnAstSeq *body; TnAstSeq *decorator_list; } classdef;
        struct { TnExpr *value; } return_;                  /* may be NULL */
        struct { TnAstSeq *targets; } delete_;
        struct { TnAstSeq *targets; TnExpr *value; } assign;  /* a = b = value */
        struct { TnExpr *target; TnOperator op; TnExpr *value; } augassign;
        struct { TnExpr *target; TnExpr *annotation; TnExpr *value; int simple; } annassign;
        /* For and AsyncFor */
        struct { TnExpr *target; TnExpr *iter; TnAstSeq *body; TnAstSeq *orelse; } for_;
        struct { TnExpr *test; TnAstSeq *body; TnAstSeq *orelse; } while_;
        struct { TnExpr *test; TnAstSeq *body; TnAstSeq *orelse; } if_;  /* elif = nested If in orelse */
        /* With and AsyncWith */
        struct { TnAstSeq *items; TnAstSeq *body; } with;    /* TnWithItem* */
        struct { TnExpr *subject; TnAstSeq *cases; } match;  /* TnMatchCase* */
        struct { TnExpr *exc; TnExpr *cause; } raise;        /* both may be NULL */
        /* Try and TryStar */
        struct { TnAstSeq *body; TnAstSeq *handlers; TnAstSeq *orelse; TnAstSeq *finalbody; } try_;
        struct { TnExpr *test; TnExpr *msg; } assert_;
        struct { TnAstSeq *names; } import;                  /* TnAlias* */
        struct { TnObject *module; TnAstSeq *names; int level; } importfrom; /* module may be NULL */
        struct { TnAstSeq *names; } global;                  /* TnObject* identifiers */
        struct { TnAstSeq *names; } nonlocal;
        struct { TnExpr *value; } expr;
    } v;
};

/* ---- patterns (match statement) ---------------------------------------- */

typedef enum {
    TN_PAT_VALUE = 1, TN_PAT_SINGLETON, TN_PAT_SEQUENCE, TN_PAT_MAPPING,
    TN_PAT_CLASS, TN_PAT_STAR, TN_PAT_AS, TN_PAT_OR
} TnPatternKind;

struct TnPattern {
    TnPatternKind kind;
    TnAstLoc loc;
    union {
        struct { TnExpr *value; } value;
        struct { TnObject *value; } singleton;               /* None, True, False */
        struct { TnAstSeq *patterns; } sequence;
        struct { TnAstSeq *keys; TnAstSeq *patterns; TnObject *rest; } mapping;
        struct { TnExpr *cls; TnAstSeq *patterns; TnAstSeq *kwd_attrs; TnAstSeq *kwd_patterns; } class_;
        struct { TnObject *name; } star;                     /* NULL name = _ */
        struct { TnPattern *pattern; TnObject *name; } as;   /* both may be NULL */
        struct { TnAstSeq *patterns; } or_;
    } v;
};

/* ---- modules ----------------------------------------------------------- */

typedef enum { TN_MODE_FILE = 1, TN_MODE_EVAL, TN_MODE_SINGLE } TnCompileMode;

typedef struct TnMod {
    TnCompileMode kind;
    TnAstSeq *body;        /* FILE / SINGLE: TnStmt* */
    TnExpr *expr;          /* EVAL */
} TnMod;

#endif /* TN_AST_H */
