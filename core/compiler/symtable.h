/* core/compiler/symtable.h — the symbol table: which scope every name lives in.
 *
 * Built in two passes over the AST, exactly as CPython's Python/symtable.c:
 *
 *  1. A visit records, for every block (module, function, lambda,
 *     comprehension, class), each name it mentions with DEF_* flags: bound
 *     here (assignment, parameter, import, def/class), used here, declared
 *     global or nonlocal.  Blocks form a tree in source order.
 *  2. An analysis walks the tree top-down with the sets of names bound and
 *     declared global in the enclosing function scopes, and bottom-up with
 *     the names left free by the children, and gives each name one scope:
 *       LOCAL            bound here (function locals use the fast slots)
 *       GLOBAL_EXPLICIT  declared `global` (here, or bound by a walrus at module level)
 *       GLOBAL_IMPLICIT  not bound in any enclosing function: globals/builtins
 *       FREE             bound in an enclosing function (a closure cell)
 *       CELL             local here and used free by a nested block
 *     Class bodies do not make their names visible to nested blocks.
 *
 * Names are str objects borrowed from the AST's arena (or interned), so the
 * table must not outlive the arena.  Blocks are found by the AST node that
 * created them (tn_symtable_lookup).
 */
#ifndef TN_SYMTABLE_H
#define TN_SYMTABLE_H

#include "core/object.h"
#include "core/compiler/ast.h"

/* Flags recorded by the first pass (CPython's DEF_*). */
#define TN_DEF_GLOBAL     0x001   /* global statement */
#define TN_DEF_LOCAL      0x002   /* assignment in this block */
#define TN_DEF_PARAM      0x004   /* formal parameter */
#define TN_DEF_NONLOCAL   0x008   /* nonlocal statement */
#define TN_DEF_USE        0x010   /* name is read */
#define TN_DEF_FREE       0x020   /* (unused, kept for CPython parity) */
#define TN_DEF_FREE_CLASS 0x040   /* free variable of a method, bound in the class */
#define TN_DEF_IMPORT     0x080   /* bound by an import */
#define TN_DEF_ANNOT      0x100   /* annotated assignment target */
#define TN_DEF_COMP_ITER  0x200   /* comprehension iteration variable */
#define TN_DEF_BOUND (TN_DEF_LOCAL | TN_DEF_PARAM | TN_DEF_IMPORT)

/* Scopes given by the analysis, stored in the flags at TN_SCOPE_SHIFT. */
enum {
    TN_SCOPE_LOCAL = 1,
    TN_SCOPE_GLOBAL_EXPLICIT = 2,
    TN_SCOPE_GLOBAL_IMPLICIT = 3,
    TN_SCOPE_FREE = 4,
    TN_SCOPE_CELL = 5
};
#define TN_SCOPE_SHIFT 11
#define TN_SCOPE_MASK 7

typedef enum { TN_BLOCK_FUNCTION = 1, TN_BLOCK_CLASS, TN_BLOCK_MODULE } TnBlockType;

/* Which comprehension a block is (0 = not a comprehension). */
typedef enum {
    TN_COMP_NONE = 0, TN_COMP_LIST, TN_COMP_SET, TN_COMP_DICT, TN_COMP_GENEXP
} TnCompKind;

/* An insertion-ordered map from str (borrowed) to int.  Used for the
 * symbols of a block and by the compiler for its name tables. */
typedef struct TnNameMap {
    TnObject **keys;
    int *values;
    tn_ssize_t n, cap;
    tn_ssize_t *index;      /* open addressing: entry index + 1, 0 = empty */
    size_t mask;            /* index size - 1 (0 when index == NULL) */
} TnNameMap;

void tn_namemap_init(TnNameMap *m);
void tn_namemap_clear(TnNameMap *m);
/* Position of name in the map, or -1. */
tn_ssize_t tn_namemap_find(const TnNameMap *m, TnObject *name);
/* Value of name, or 0 if absent. */
int tn_namemap_get(const TnNameMap *m, TnObject *name);
/* Insert or overwrite.  Returns the entry's position, or -1 (MemoryError). */
tn_ssize_t tn_namemap_set(TnNameMap *m, TnObject *name, int value);
/* Remove name if present (keeps the order of the rest).  0 / -1. */
int tn_namemap_discard(TnNameMap *m, TnObject *name);

typedef struct TnSymEntry TnSymEntry;
struct TnSymEntry {
    TnBlockType type;
    TnObject *name;            /* "top", function/class name, "lambda", "listcomp", ... */
    const void *key;           /* the AST node that opened the block */
    TnAstLoc loc;
    TnSymEntry **children;     /* nested blocks in source order */
    tn_ssize_t nchildren, capchildren;
    TnNameMap symbols;         /* name -> DEF_* flags | scope << TN_SCOPE_SHIFT */
    TnNameMap varnames;        /* parameters in order (value = position) */
    TnNameMap directives;      /* global/nonlocal name -> index in directive_locs */
    TnAstLoc *directive_locs;
    tn_ssize_t ndirectives, capdirectives;
    TnCompKind comprehension;
    int comp_iter_target;      /* visiting a comprehension's target */
    int comp_iter_expr;        /* visiting a comprehension's iterable (nesting count) */
    unsigned nested : 1;       /* inside a function (or nested block) */
    unsigned generator : 1;
    unsigned coroutine : 1;
    unsigned varargs : 1;
    unsigned varkeywords : 1;
    unsigned returns_value : 1;
    unsigned free : 1;         /* has free variables */
    unsigned child_free : 1;   /* some nested block has free variables */
    unsigned needs_class_closure : 1;
};

typedef struct TnSymtable {
    TnSymEntry *top;
    TnSymEntry *cur;
    TnSymEntry **stack;        /* enclosing blocks of cur */
    tn_ssize_t nstack, capstack;
    TnSymEntry **all;          /* every block, for freeing */
    tn_ssize_t nall, capall;
    TnObject *private_name;    /* name of the innermost enclosing class (mangling), or NULL */
    const char *filename;
    const char *source;        /* may be NULL: used for error text and columns */
    tn_ssize_t srclen;
    int recursion;
    bool future_annotations;   /* from __future__ import annotations */
    int in_annotation;         /* > 0: visiting a (future, never evaluated) annotation */
} TnSymtable;

/* Build the table for mod.  Returns a table owned by the caller (free with
 * tn_symtable_free), or NULL with SyntaxError (with location) or
 * MemoryError set.  source (may be NULL) is the text mod was parsed from.
 * future_annotations: annotations are stored as strings, and yield, await
 * and := are rejected in them (CPython's annotation blocks). */
TnSymtable *tn_symtable_build(TnMod *mod, const char *filename, const char *source,
                              tn_ssize_t srclen, bool future_annotations);
void tn_symtable_free(TnSymtable *st);
/* The block opened by AST node key, among parent's children, or NULL. */
TnSymEntry *tn_symtable_lookup(TnSymEntry *parent, const void *key);
/* Scope of name in ste (TN_SCOPE_*), or 0 if the block never mentions it. */
int tn_symentry_scope(const TnSymEntry *ste, TnObject *name);
/* DEF_* flags of name in ste (without the scope), or 0. */
int tn_symentry_flags(const TnSymEntry *ste, TnObject *name);

/* Private name mangling as CPython's _Py_Mangle: inside class C (private =
 * "C", leading underscores stripped), a name "__x" that does not end with
 * "__" and has no dot becomes "_C__x".  Returns a BORROWED reference: name
 * itself, or an interned (immortal) mangled name; NULL on MemoryError. */
TnObject *tn_symtable_mangle(TnObject *private_name, TnObject *name);

/* Raise SyntaxError msg at loc, with the text of the line when source is
 * known.  Offsets are the AST's UTF-8 byte offsets + 1, as CPython's
 * compiler reports them.  Shared by the compiler. */
void tn_compiler_syntax_error(const char *filename, const char *source, tn_ssize_t srclen,
                              TnAstLoc loc, const char *msg);

#endif
