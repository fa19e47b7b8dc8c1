/* core/objects/function.h — Python functions, builtin functions, bound
 * methods, cells. */
#ifndef TN_FUNCTION_H
#define TN_FUNCTION_H

#include "core/object.h"

typedef struct TnFunction {
    TnObject ob;
    TnObject *code;        /* TnCode */
    TnObject *globals;     /* dict */
    TnObject *builtins;    /* globals' __builtins__ when made: a dict, or any mapping */
    TnObject *name;        /* str */
    TnObject *qualname;    /* str */
    TnObject *defaults;    /* tuple or NULL */
    TnObject *kwdefaults;  /* dict or NULL */
    TnObject *closure;     /* tuple of cells or NULL */
    TnObject *doc;         /* any or NULL (None) */
    TnObject *dict;        /* attribute dict or NULL */
    TnObject *module;      /* __module__ or NULL */
    TnObject *annotations; /* dict or NULL */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnFunction;

/* builtin_function_or_method: a TnMethodDef bound to self (module or object). */
typedef struct TnCFunction {
    TnObject ob;
    const TnMethodDef *def;
    TnObject *self;        /* NULL for static functions */
    TnObject *module;      /* __module__ name or NULL */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnCFunction;

typedef struct TnBoundMethod {
    TnObject ob;
    TnObject *func;
    TnObject *self;
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnBoundMethod;

typedef struct TnCell {
    TnObject ob;
    TnObject *ref;         /* NULL = empty */
} TnCell;

/* method_descriptor: a TnMethodDef in a builtin type's dict (list.append). */
typedef struct TnMethodDescr {
    TnObject ob;
    const TnMethodDef *def;
    TnType *owner;
} TnMethodDescr;

/* getset_descriptor */
typedef struct TnGetSetDescr {
    TnObject ob;
    const TnGetSetDef *def;
    TnType *owner;
} TnGetSetDescr;

extern TnType tn_type_function, tn_type_cfunction, tn_type_method, tn_type_cell;
extern TnType tn_type_method_descr, tn_type_getset_descr, tn_type_classmethod_descr;

/* New function from a code object; takes the qualname from the code. */
TnObject *tn_function_new(TnObject *code, TnObject *globals);
TnObject *tn_cfunction_new(const TnMethodDef *def, TnObject *self, TnObject *module);
TnObject *tn_method_new(TnObject *func, TnObject *self);
TnObject *tn_cell_new(TnObject *value);            /* value may be NULL */
/* The cell's contents as a new reference, or NULL (no exception) if empty.
 * Cells shared by threads: the read and the incref happen inside the cell's
 * critical section, so a concurrent store cannot free the value between them. */
TnObject *tn_cell_get_ref(TnObject *cell);
/* Replace the contents by value_steal (may be NULL: empty the cell) and
 * return the old contents (a reference the caller must drop, or NULL). */
TnObject *tn_cell_swap_steal(TnObject *cell, TnObject *value_steal);
TnObject *tn_method_descr_new(TnType *owner, const TnMethodDef *def);
TnObject *tn_getset_descr_new(TnType *owner, const TnGetSetDef *def);

#endif
