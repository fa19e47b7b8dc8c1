/* core/modules/dis.c — the dis module: dis.dis(), dis.opname, dis.opmap.
 *
 * The listing is Tandem's own bytecode in the layout of CPython's dis
 * (core/compiler/dis.c: instruction indexes rather than byte offsets), so
 * it differs from CPython's by design.  dis.dis accepts what CPython's
 * does for the common cases: functions and methods (their __code__),
 * classmethod/staticmethod objects, classes (each code-carrying attribute
 * in name order), code objects and source strings (compiled first).  The
 * text goes to sys.stdout (or file=), through its write() method when it
 * has been replaced. */
#define _POSIX_C_SOURCE 200809L   /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include "core/tn.h"
#include "core/compiler/compile.h"
#include "core/compiler/dis.h"
#include "core/compiler/opcodes.h"
#include "core/modules/modules.h"

/* Write the C string text to file (NULL: sys.stdout).  0 / -1. */
static int write_text(TnObject *file, const char *text, size_t len)
{
    TnObject *s = tn_str_from_utf8(text, (tn_ssize_t)len);
    if (s == NULL)
        return -1;
    int r;
    if (file == NULL) {
        r = tn_sys_write_stdout(s);
    } else {
        TnObject *res = tn_call_method_cstr(file, "write", &s, 1);
        r = res != NULL ? 0 : -1;
        tn_xdecref(res);
    }
    tn_decref(s);
    return r;
}

static int write_str(TnObject *file, TnObject *s)
{
    tn_ssize_t len;
    const char *utf8 = tn_str_utf8(s, &len);
    return utf8 != NULL ? write_text(file, utf8, (size_t)len) : -1;
}

static int write_cstr(TnObject *file, const char *text)
{
    return write_text(file, text, strlen(text));
}

/* The listing of code (and its nested code objects) written to file. */
static int dis_code(TnObject *file, TnObject *code)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (mem == NULL) {
        tn_err_no_memory();
        return -1;
    }
    tn_code_dump(code, mem);
    fclose(mem);
    int r = write_text(file, buf, len);
    free(buf);
    return r;
}

static int dis_object(TnObject *file, TnObject *x, int depth);

/* A class: every attribute that carries code, sorted by name, each as
 * "Disassembly of name:" + listing + blank line (CPython's layout). */
static int dis_class(TnObject *file, TnObject *cls, int depth)
{
    TnObject *d = tn_object_getattr_cstr(cls, "__dict__");
    if (d == NULL)
        return -1;
    TnObject *keys = tn_list_from_iterable(d);
    int r = keys != NULL && tn_list_sort(keys, NULL, 0) == 0 ? 0 : -1;
    for (tn_ssize_t i = 0; r == 0 && i < tn_list_size(keys); i++) {
        TnObject *name = tn_list_get_item_ref(keys, i);
        TnObject *v = name != NULL ? tn_object_getitem(d, name) : NULL;
        if (v == NULL) {
            tn_xdecref(name);
            r = -1;
            break;
        }
        TnType *tp = tn_type(v);
        if (tp == &tn_type_function || tp == &tn_type_method || tp == &tn_type_code ||
            tp == &tn_type_classmethod || tp == &tn_type_staticmethod ||
            tn_object_type_check(v, &tn_type_type)) {
            TnObject *head = tn_str_from_format("Disassembly of %U:\n", name);
            r = head != NULL && write_str(file, head) == 0 ? 0 : -1;
            tn_xdecref(head);
            if (r == 0)
                r = dis_object(file, v, depth + 1);
            if (r == 0)
                r = write_cstr(file, "\n");
        }
        tn_decref(v);
        tn_decref(name);
    }
    tn_xdecref(keys);
    tn_decref(d);
    return r;
}

static int dis_object(TnObject *file, TnObject *x, int depth)
{
    if (depth > 50) {
        tn_err_set_str(&tn_exc_RecursionError, "maximum recursion depth exceeded in dis");
        return -1;
    }
    TnObject *inner;
    /* Methods, classmethod and staticmethod objects: the function. */
    if (tn_type(x) == &tn_type_method || tn_type(x) == &tn_type_classmethod ||
        tn_type(x) == &tn_type_staticmethod) {
        if ((inner = tn_object_getattr_cstr(x, "__func__")) == NULL)
            return -1;
        int r = dis_object(file, inner, depth + 1);
        tn_decref(inner);
        return r;
    }
    if (tn_type(x) == &tn_type_function) {
        if ((inner = tn_object_getattr_cstr(x, "__code__")) == NULL)
            return -1;
        int r = dis_code(file, inner);
        tn_decref(inner);
        return r;
    }
    if (tn_code_check(x))
        return dis_code(file, x);
    if (tn_object_type_check(x, &tn_type_type))
        return dis_class(file, x, depth);
    if (tn_str_check(x)) {
        tn_ssize_t len;
        const char *src = tn_str_utf8(x, &len);
        if (src == NULL)
            return -1;
        TnObject *code = tn_compile_source(src, len, "<dis>", TN_MODE_FILE);
        if (code == NULL)
            return -1;
        int r = dis_code(file, code);
        tn_decref(code);
        return r;
    }
    tn_err_format(&tn_exc_TypeError, "don't know how to disassemble %s objects", tn_type_name(tn_type(x)));
    return -1;
}

/* dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False) */
static TnObject *dis_dis(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"x", "file", "depth", "show_caches", "adaptive", NULL};
    TnObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (tn_args_parse("dis", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    if (a[0] == NULL || a[0] == TN_NONE)
        return tn_err_format(&tn_exc_RuntimeError, "no last traceback to disassemble");
    TnObject *file = a[1] != NULL && a[1] != TN_NONE ? a[1] : NULL;
    if (dis_object(file, a[0], 0) < 0)
        return NULL;
    return tn_none_ref();
}

static const TnMethodDef dis_functions[] = {
    {"dis", dis_dis, 0, "Disassemble classes, methods, functions, and other compiled objects."},
    {NULL, NULL, 0, NULL},
};

/* opname: 256 names, "<n>" for unused numbers (as CPython); opmap: name -> number. */
static int add_opcode_tables(TnObject *m)
{
    TnObject *opname = tn_list_new(0);
    TnObject *opmap = tn_dict_new();
    int r = opname != NULL && opmap != NULL ? 0 : -1;
    for (int i = 0; r == 0 && i < 256; i++) {
        TnObject *name = i < TN_OPCODE_COUNT ? tn_str_from_cstr(tn_opcode_names[i])
                                             : tn_str_from_format("<%d>", i);
        TnObject *num = tn_int_from_i64(i);
        r = name != NULL && num != NULL && tn_list_append(opname, name) == 0 ? 0 : -1;
        if (r == 0 && i < TN_OPCODE_COUNT)
            r = tn_dict_set_item(opmap, name, num);
        tn_xdecref(name);
        tn_xdecref(num);
    }
    if (r == 0)
        r = tn_module_add_object(m, "opname", opname) == 0 &&
            tn_module_add_object(m, "opmap", opmap) == 0 ? 0 : -1;
    tn_xdecref(opname);
    tn_xdecref(opmap);
    return r;
}

/* COMPILER_FLAG_NAMES: co_flags bit -> name, as CPython's dis (inspect
 * builds its CO_* constants from it). */
static int add_flag_names(TnObject *m)
{
    static const struct { int flag; const char *name; } names[] = {
        {TN_CO_OPTIMIZED, "OPTIMIZED"}, {TN_CO_NEWLOCALS, "NEWLOCALS"}, {TN_CO_VARARGS, "VARARGS"},
        {TN_CO_VARKEYWORDS, "VARKEYWORDS"}, {TN_CO_NESTED, "NESTED"}, {TN_CO_GENERATOR, "GENERATOR"},
        {TN_CO_NOFREE, "NOFREE"}, {TN_CO_COROUTINE, "COROUTINE"},
        {TN_CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"}, {TN_CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"},
    };
    TnObject *d = tn_dict_new();
    for (size_t i = 0; d != NULL && i < sizeof names / sizeof names[0]; i++) {
        TnObject *k = tn_int_from_i64(names[i].flag), *v = tn_str_from_cstr(names[i].name);
        if (k == NULL || v == NULL || tn_dict_set_item(d, k, v) < 0)
            TN_CLEAR(d);
        tn_xdecref(k);
        tn_xdecref(v);
    }
    int r = d != NULL ? tn_module_add_object(m, "COMPILER_FLAG_NAMES", d) : -1;
    tn_xdecref(d);
    return r;
}

TnObject *tn_dis_module_create(void)
{
    TnObject *m = tn_module_new("dis");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, dis_functions) < 0 || add_opcode_tables(m) < 0 || add_flag_names(m) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
