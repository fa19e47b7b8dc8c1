/* core/objects/code.c — code objects. */
#include "core/tn.h"
#include "core/compiler/opcodes.h"
#include "core/objects/bytes.h"
#include "core/objects/complex.h"

TnCode *tn_code_alloc(void)
{
    return (TnCode *)tn_object_new(&tn_type_code, sizeof(TnCode));
}

static int bad_code(const char *why, tn_ssize_t i)
{
    tn_err_format(&tn_exc_SystemError, "invalid code object: %s at instruction %zd", why, i);
    return -1;
}

/* ft: make the constants immortal.  Every LOAD_CONST takes a reference to
 * its constant; when two threads run the same code, those are atomic
 * operations by non-owners on one shared count, a cache line the two cores
 * pass back and forth at every iteration (bench/threads/independent.py, a
 * loop over locals and int constants, scaled 0.87x on two threads before
 * this).  CPython's free-threaded build makes code constants immortal for
 * the same reason.  Immutable values only (and the items of constant tuples
 * and frozensets, which unpacking and iteration hand out); code objects
 * stay mortal so that exec() in a loop does not keep every code object.
 * The price: a code object's constants live until the process ends. */
static void immortalize_const(TnObject *c)
{
    if (tn_is_immortal(c))
        return;
    if (tn_tuple_check_exact(c)) {
        tn_ssize_t n = tn_tuple_size(c);
        for (tn_ssize_t i = 0; i < n; i++)
            immortalize_const(tn_tuple_items(c)[i]);
    } else if (tn_type(c) == &tn_type_frozenset) {
        TnObject *it = tn_object_get_iter(c);
        TnObject *item;
        while (it != NULL && (item = tn_iter_next(it)) != NULL) {
            immortalize_const(item);
            tn_decref(item);
        }
        tn_xdecref(it);
        tn_err_clear();
    } else if (!tn_int_check_exact(c) && !tn_float_check_exact(c) && !tn_str_check_exact(c)
               && tn_type(c) != &tn_type_bytes && tn_type(c) != &tn_type_complex) {
        return;
    }
    tn_set_immortal(c);
    TN_LSAN_KEEP(c);
}

/* Validate every operand against the tables it indexes, so the eval loop
 * can trust them without checks on the hot path. */
int tn_code_finish(TnCode *co)
{
    if (co->consts == NULL || co->names == NULL || co->localsplusnames == NULL
        || co->name == NULL || co->qualname == NULL || co->filename == NULL)
        return bad_code("missing table", -1);
    tn_ssize_t nconsts = tn_tuple_size(co->consts);
    tn_ssize_t nnames = tn_tuple_size(co->names);
    for (tn_ssize_t i = 0; i < co->ninstr; i++) {
        unsigned op = TN_OP(co->instr[i]);
        unsigned arg = TN_ARG(co->instr[i]);
        if (op >= TN_OPCODE_COUNT)
            return bad_code("unknown opcode", i);
        unsigned flags = tn_opcode_flags[op];
        if ((flags & TN_OPF_CONST) && arg >= nconsts)
            return bad_code("constant index out of range", i);
        if ((flags & TN_OPF_NAME)) {
            unsigned idx = (op == TN_LOAD_GLOBAL || op == TN_LOAD_ATTR) ? arg >> 1 : arg;
            if (idx >= nnames)
                return bad_code("name index out of range", i);
        }
        if ((flags & TN_OPF_LOCAL) && arg >= (unsigned)co->nlocalsplus)
            return bad_code("local index out of range", i);
        if ((flags & TN_OPF_JUMP) && arg > co->ninstr)
            return bad_code("jump target out of range", i);
    }
    if (co->ninstr > 0 && co->stacksize <= 0)
        return bad_code("no stack", 0);
    if (TN_FREE_THREADED) {
        for (tn_ssize_t i = 0; i < nconsts; i++)
            immortalize_const(tn_tuple_items(co->consts)[i]);
    }
    return 0;
}

int tn_code_line_of(const TnCode *co, tn_ssize_t i)
{
    if (co->positions == NULL || i < 0 || i >= co->ninstr)
        return co->firstlineno;
    int line = co->positions[i].lineno;
    return line >= 0 ? line : co->firstlineno;
}

static void code_dealloc(TnObject *self)
{
    TnCode *co = (TnCode *)self;
    tn_mem_free(co->instr);
    tn_mem_free(co->positions);
    tn_mem_free(co->exctable);
    tn_mem_free(co->localspluskinds);
    TN_CLEAR(co->consts);
    TN_CLEAR(co->names);
    TN_CLEAR(co->localsplusnames);
    TN_CLEAR(co->filename);
    TN_CLEAR(co->name);
    TN_CLEAR(co->qualname);
    tn_object_free(self);
}

static TnObject *code_repr(TnObject *self)
{
    TnCode *co = (TnCode *)self;
    return tn_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name, (void *)self,
                              co->filename, co->firstlineno);
}

#define CODE_INT(name, member) {name, code_get_int, NULL, NULL, (void *)offsetof(TnCode, member)}
#define CODE_OBJ(name, member) {name, code_get_obj, NULL, NULL, (void *)offsetof(TnCode, member)}

static TnObject *code_get_int(TnObject *self, void *off)
{
    return tn_int_from_i64(*(int *)((char *)self + (size_t)off));
}

static TnObject *code_get_obj(TnObject *self, void *off)
{
    return tn_newref(*(TnObject **)((char *)self + (size_t)off));
}

/* co_varnames: the plain locals (everything that is not a cell-only or free slot). */
static TnObject *code_get_names_of_kind(TnCode *co, int want)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < co->nlocalsplus; i++) {
        if ((co->localspluskinds[i] & want) && tn_list_append(list, tn_tuple_get(co->localsplusnames, i)) < 0) {
            tn_decref(list);
            return NULL;
        }
    }
    TnObject *t = tn_list_as_tuple(list);
    tn_decref(list);
    return t;
}

static TnObject *code_get_varnames(TnObject *self, void *c) { return code_get_names_of_kind((TnCode *)self, TN_LOCAL_KIND_LOCAL); }
static TnObject *code_get_cellvars(TnObject *self, void *c) { return code_get_names_of_kind((TnCode *)self, TN_LOCAL_KIND_CELL); }
static TnObject *code_get_freevars(TnObject *self, void *c) { return code_get_names_of_kind((TnCode *)self, TN_LOCAL_KIND_FREE); }

static TnObject *code_get_nlocals(TnObject *self, void *c)
{
    TnCode *co = (TnCode *)self;
    int n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        n += (co->localspluskinds[i] & TN_LOCAL_KIND_LOCAL) != 0;
    return tn_int_from_i64(n);
}

/* An int, or None for -1 (unknown). */
static TnObject *int_or_none(int32_t v)
{
    return v >= 0 ? tn_int_from_i64(v) : tn_none_ref();
}

/* Iterate over a list built here (the tables are small and immutable). */
static TnObject *iter_of_list_steal(TnObject *list)
{
    if (list == NULL)
        return NULL;
    TnObject *it = tn_object_get_iter(list);
    tn_decref(list);
    return it;
}

/* co_positions(): (lineno, end_lineno, col, end_col) per instruction.
 * Tandem's instructions count as two bytes each in tb_lasti/f_lasti, so
 * traceback.py's `lasti // 2` finds the instruction's entry. */
static TnObject *code_positions(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("co_positions", kwnames) < 0 || tn_args_count("co_positions", nargs, 0, 0) < 0)
        return NULL;
    TnCode *co = (TnCode *)self;
    TnObject *list = tn_list_new(0);
    for (tn_ssize_t i = 0; list != NULL && i < co->ninstr; i++) {
        TnCodePos p = co->positions != NULL ? co->positions[i] : (TnCodePos){-1, -1, -1, -1};
        TnObject *a = int_or_none(p.lineno), *b = int_or_none(p.end_lineno);
        TnObject *c = int_or_none(p.col), *d = int_or_none(p.end_col);
        TnObject *t = a && b && c && d ? tn_tuple_pack(4, a, b, c, d) : NULL;
        tn_xdecref(a);
        tn_xdecref(b);
        tn_xdecref(c);
        tn_xdecref(d);
        if (t == NULL || tn_list_append_steal(list, t) < 0)
            TN_CLEAR(list);
    }
    return iter_of_list_steal(list);
}

/* co_lines(): (start, end, lineno) for each run of instructions on one
 * line, in bytes (two per instruction); lineno None where unknown. */
static TnObject *code_lines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("co_lines", kwnames) < 0 || tn_args_count("co_lines", nargs, 0, 0) < 0)
        return NULL;
    TnCode *co = (TnCode *)self;
    TnObject *list = tn_list_new(0);
    tn_ssize_t start = 0;
    for (tn_ssize_t i = 1; list != NULL && i <= co->ninstr; i++) {
        int32_t line = co->positions != NULL ? co->positions[start].lineno : -1;
        if (i < co->ninstr && (co->positions != NULL ? co->positions[i].lineno : -1) == line)
            continue;
        TnObject *a = tn_int_from_ssize(start * 2), *b = tn_int_from_ssize(i * 2), *c = int_or_none(line);
        TnObject *t = a && b && c ? tn_tuple_pack(3, a, b, c) : NULL;
        tn_xdecref(a);
        tn_xdecref(b);
        tn_xdecref(c);
        if (t == NULL || tn_list_append_steal(list, t) < 0)
            TN_CLEAR(list);
        start = i;
    }
    return iter_of_list_steal(list);
}

static const TnMethodDef code_methods[] = {
    {"co_positions", code_positions, 0, "Return an iterator of (lineno, end_lineno, col, end_col) per instruction."},
    {"co_lines", code_lines, 0, "Return an iterator of (start, end, lineno) byte ranges."},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef code_getsets[] = {
    {"co_nlocals", code_get_nlocals, NULL, NULL, NULL},
    CODE_INT("co_argcount", argcount),
    CODE_INT("co_posonlyargcount", posonlyargcount),
    CODE_INT("co_kwonlyargcount", kwonlyargcount),
    CODE_INT("co_stacksize", stacksize),
    CODE_INT("co_flags", flags),
    CODE_INT("co_firstlineno", firstlineno),
    CODE_INT("co_nlocalsplus", nlocalsplus),
    CODE_OBJ("co_consts", consts),
    CODE_OBJ("co_names", names),
    CODE_OBJ("co_filename", filename),
    CODE_OBJ("co_name", name),
    CODE_OBJ("co_qualname", qualname),
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_code = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "code",
    .weaklistoffset = offsetof(TnCode, weaklist),
    .basicsize = sizeof(TnCode),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getsets = code_getsets,
    .methods = code_methods,
    .new_ = tn_type_new_not_allowed,
};
