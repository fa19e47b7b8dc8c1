/* core/modules/sys_unraisable.c — errors that cannot be raised:
 * sys.unraisablehook, sys.__unraisablehook__, UnraisableHookArgs, and
 * tn_err_write_unraisable (core/vm/errors.h), which finalizers (`__del__`),
 * weak-reference callbacks and generator finalisation use to report an
 * exception and go on, as CPython's PyErr_WriteUnraisable does.
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/structseq.h"

static const char *const unraisable_fields[] = {
    "exc_type", "exc_value", "exc_traceback", "err_msg", "object", NULL,
};
static TnStructSeqType unraisable_args_type;

/* Write the C string s to sys.stderr (the C stderr while it is the
 * original stream).  Errors are swallowed: there is nowhere to report them. */
static void write_stderr(const char *s)
{
    TnObject *sysdict = tn_interp()->sysdict;
    TnObject *file = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, "stderr") : NULL;
    TnObject *orig = sysdict != NULL ? tn_dict_get_cstr_borrowed(sysdict, "__stderr__") : NULL;
    if (file == NULL || file == orig) {
        fflush(stdout);
        fputs(s, stderr);
    } else if (file != TN_NONE) {
        TnObject *str = tn_str_from_cstr(s);
        TnObject *r = str != NULL ? tn_call_method_cstr(file, "write", &str, 1) : NULL;
        tn_xdecref(r);
        tn_xdecref(str);
        if (r == NULL)
            tn_err_clear();
    }
    tn_xdecref(file);
}

/* exc's traceback and its last line on sys.stderr, without the exceptions
 * chained to it: CPython's write_unraisable_exc_file prints no chain (a
 * weak-reference callback failing while an exception is handled shows no
 * "During handling ...").  The links are hidden for the report only. */
static void display_unchained(TnObject *exc)
{
    if (!tn_exception_check(exc)) {
        tn_err_display_sys_stderr(exc);
        return;
    }
    TnObject **causep = &((TnBaseException *)exc)->cause;
    TnObject *cause = tn_field_get_ref(causep);
    if (cause != NULL)
        tn_field_replace_steal(causep, NULL);
    int suppress = tn_exc_suppress_context(exc);
    tn_exc_set_suppress_context(exc, 1);
    tn_err_display_sys_stderr(exc);
    tn_exc_set_suppress_context(exc, suppress);
    if (cause != NULL)
        tn_field_replace_steal(causep, cause);
}

/* CPython's write_unraisable_exc_file: "<err_msg>: <repr(obj)>" (err_msg
 * defaulting to "Exception ignored in"), then the traceback. */
static void print_unraisable(TnObject *err_msg, TnObject *obj, TnObject *exc)
{
    TnObject *line = NULL;
    if (obj != NULL && obj != TN_NONE) {
        TnObject *r = tn_object_repr(obj);
        if (r == NULL)
            tn_err_clear();
        TnObject *msg = err_msg != NULL && err_msg != TN_NONE ? tn_object_str(err_msg) : NULL;
        if (msg == NULL)
            tn_err_clear();
        line = tn_str_from_format("%s: %s\n", msg != NULL ? tn_str_utf8(msg, NULL) : "Exception ignored in",
                                  r != NULL ? tn_str_utf8(r, NULL) : "<object repr() failed>");
        tn_xdecref(msg);
        tn_xdecref(r);
    } else if (err_msg != NULL && err_msg != TN_NONE) {
        TnObject *msg = tn_object_str(err_msg);
        line = msg != NULL ? tn_str_from_format("%U:\n", msg) : NULL;
        tn_xdecref(msg);
    }
    if (line != NULL)
        write_stderr(tn_str_utf8(line, NULL));
    else
        tn_err_clear();
    tn_xdecref(line);
    if (exc != NULL && exc != TN_NONE)
        display_unchained(exc);
}

/* sys.unraisablehook(unraisable, /): the default hook. */
static TnObject *sys_unraisablehook(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    (void)self;
    if (tn_args_no_kw("unraisablehook", kwnames) < 0 || tn_args_count("unraisablehook", nargs, 1, 1) < 0)
        return NULL;
    if (tn_type(args[0]) != &unraisable_args_type.type)
        return tn_err_format(&tn_exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    TnObject *exc = tn_tuple_get(args[0], 1);
    print_unraisable(tn_tuple_get(args[0], 3), tn_tuple_get(args[0], 4), exc);
    return tn_none_ref();
}

const TnMethodDef tn_sys_unraisable_functions[] = {
    {"unraisablehook", sys_unraisablehook, 0, "Handle an unraisable exception."},
    {NULL, NULL, 0, NULL},
};

int tn_sys_unraisable_init(TnObject *sys_module)
{
    if (tn_structseq_init_type(&unraisable_args_type, "sys", "UnraisableHookArgs", "UnraisableHookArgs",
                               unraisable_fields) < 0 ||
        tn_module_add_functions(sys_module, tn_sys_unraisable_functions) < 0)
        return -1;
    TnObject *d = tn_module_dict(sys_module);
    TnObject *hook = tn_dict_get_cstr_borrowed(d, "unraisablehook");
    return hook != NULL ? tn_dict_set_item_cstr(d, "__unraisablehook__", hook) : -1;
}

static TnObject *make_args(const char *msg, TnObject *obj, TnObject *exc)
{
    TnObject *tb = tn_exception_check(exc) ? tn_field_get_ref(&((TnBaseException *)exc)->traceback) : NULL;
    TnObject *values[5] = {
        tn_newref(TN_OBJ(tn_type(exc))),
        tn_newref(exc),
        tb != NULL ? tb : tn_newref(TN_NONE),
        msg != NULL ? tn_str_from_cstr(msg) : tn_newref(TN_NONE),
        tn_newref(obj != NULL ? obj : TN_NONE),
    };
    return tn_structseq_new_steal(&unraisable_args_type, values);
}

void tn_err_write_unraisable(const char *msg, TnObject *obj)
{
    TnObject *exc = tn_err_fetch();
    if (exc == NULL)
        return;
    TnObject *sysdict = tn_interp()->sysdict;
    TnObject *hook = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, "unraisablehook") : NULL;
    TnObject *deflt = sysdict != NULL ? tn_dict_get_cstr_borrowed(sysdict, "__unraisablehook__") : NULL;
    if (hook == NULL || hook == TN_NONE || hook == deflt) {
        TnObject *m = msg != NULL ? tn_str_from_cstr(msg) : NULL;
        if (msg != NULL && m == NULL)
            tn_err_clear();
        print_unraisable(m, obj, exc);
        tn_xdecref(m);
    } else {
        /* A hook that fails is itself reported, by the default printer, as
         * CPython does ("Exception ignored in sys.unraisablehook: ..."). */
        TnObject *args = make_args(msg, obj, exc);
        TnObject *r = args != NULL ? tn_call(hook, &args, 1, NULL) : NULL;
        tn_xdecref(args);
        if (r == NULL) {
            TnObject *err = tn_err_fetch();
            TnObject *m = tn_str_from_cstr("Exception ignored in sys.unraisablehook");
            print_unraisable(m, hook, err);
            tn_xdecref(m);
            tn_xdecref(err);
        }
        tn_xdecref(r);
    }
    tn_xdecref(hook);
    tn_decref(exc);
}
