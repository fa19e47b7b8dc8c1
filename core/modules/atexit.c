/* core/modules/atexit.c — the atexit module: register, unregister,
 * _run_exitfuncs, _clear, _ncallbacks, as CPython 3.11's
 * Modules/atexitmodule.c (docs/stdlib.md).
 *
 * The callbacks belong to the interpreter, not to the module object
 * (interp->atexit_callbacks, made with the first module object), so that
 * deleting the module from sys.modules
 * and importing it again keeps them, as in CPython.  They are a list of
 * entries (func, args, kwnames): args holds the positional arguments then
 * the keyword values, kwnames the keyword names or None.  unregister()
 * replaces an entry by None instead of removing it, as CPython's slot
 * array does: _ncallbacks() keeps counting it until the callbacks run or
 * are cleared.  Every list operation is atomic on its own (the list's
 * critical section); unregister compares outside of it, because __eq__ may
 * run Python code, and replaces the entry only if it is still there.
 *
 * At exit (tn_atexit_run_at_exit, from tn_runtime_fini after
 * threading._shutdown(), as CPython's Py_FinalizeEx) the callbacks run last
 * registered first; one that raises (SystemExit included) is reported as
 * "Exception ignored in atexit callback: <func>" with its traceback on
 * sys.stderr, and the next one runs.  A callback registered while the
 * callbacks run is not called (CPython's loop starts at the last entry
 * that existed), and all are cleared afterwards.
 */
#include "core/tn.h"
#include "core/modules/modules.h"

/* interp->atexit_callbacks (borrowed): created with the first module
 * object, under the module's import lock, so that two threads registering
 * their first callbacks at once share one list. */
static TnObject *callbacks(void)
{
    return tn_interp()->atexit_callbacks;
}

/* register(func, *args, **kwargs) -> func */
static TnObject *atexit_register(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!tn_callable_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "the first argument must be callable");
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    TnObject *list = callbacks();
    TnObject *rest = list != NULL ? tn_tuple_from_array(args + 1, nargs - 1 + nkw) : NULL;
    TnObject *entry = rest != NULL ? tn_tuple_pack(3, args[0], rest, nkw > 0 ? kwnames : TN_NONE) : NULL;
    tn_xdecref(rest);
    if (entry == NULL || tn_list_append_steal(list, entry) < 0)
        return NULL;
    return tn_newref(args[0]);
}

/* 1 if entry (a callback tuple or None) holds func (compared with ==),
 * 0 if not, -1 on error. */
static int entry_holds(TnObject *entry, TnObject *func)
{
    if (!tn_tuple_check(entry))
        return 0;
    return tn_object_richcompare_bool(tn_tuple_get(entry, 0), func, TN_EQ);
}

/* Replace list[i] by None if it is still `entry` (another thread may have
 * cleared or replaced it meanwhile).  Lock held. */
static void forget_entry_lock_held(TnObject *list, tn_ssize_t i, TnObject *entry)
{
    tn_critical_section_assert_held(list);
    if (i < tn_list_size(list) && tn_list_get_lock_held(list, i) == entry) {
        tn_list_set_steal(list, i, tn_none_ref());
        tn_decref(entry);
    }
}

static TnObject *atexit_unregister(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("atexit.unregister", kwnames) < 0 || tn_args_count("atexit.unregister", nargs, 1, 1) < 0)
        return NULL;
    TnObject *list = callbacks();
    if (list == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < tn_list_size(list); i++) {
        TnObject *entry = tn_list_get_item_ref(list, i);
        if (entry == NULL) {   /* cleared meanwhile */
            tn_err_clear();
            break;
        }
        int eq = entry_holds(entry, args[0]);
        if (eq > 0) {
            TN_BEGIN_CRITICAL_SECTION(list);
            forget_entry_lock_held(list, i, entry);
            TN_END_CRITICAL_SECTION();
        }
        tn_decref(entry);
        if (eq < 0)
            return NULL;
    }
    return tn_none_ref();
}

/* CPython's _PyErr_WriteUnraisableMsg("in atexit callback", func): the
 * pending exception and its traceback go to sys.stderr. */
static void report_callback_error(TnObject *func)
{
    TnObject *exc = tn_err_fetch();
    TnObject *file = tn_dict_get_cstr_ref(tn_interp()->sysdict, "stderr");
    if (file == NULL || file == TN_NONE) {
        tn_xdecref(file);
        tn_xdecref(exc);
        return;
    }
    TnObject *r = tn_object_repr(func);
    if (r == NULL)
        tn_err_clear();
    TnObject *line = tn_str_from_format("Exception ignored in atexit callback: %s\n",
                                        r != NULL ? tn_str_utf8(r, NULL) : "<object repr() failed>");
    tn_xdecref(r);
    TnObject *res = line != NULL ? tn_call_method_cstr(file, "write", &line, 1) : NULL;
    tn_xdecref(line);
    if (res == NULL)
        tn_err_clear();
    tn_xdecref(res);
    if (exc != NULL)
        tn_err_display(exc, file);
    tn_decref(file);
    tn_xdecref(exc);
}

static void call_entry(TnObject *entry)
{
    TnObject *func = tn_tuple_get(entry, 0), *args = tn_tuple_get(entry, 1), *kwnames = tn_tuple_get(entry, 2);
    tn_ssize_t nkw = kwnames != TN_NONE ? tn_tuple_size(kwnames) : 0;
    TnObject *res = tn_call(func, tn_tuple_items(args), tn_tuple_size(args) - nkw, nkw > 0 ? kwnames : NULL);
    if (res == NULL)
        report_callback_error(func);
    tn_xdecref(res);
}

/* list.clear(): the entries are dropped outside of the list's section. */
static int clear_all(TnObject *list)
{
    TnObject *r = tn_call_method_cstr(list, "clear", NULL, 0);
    tn_xdecref(r);
    return r != NULL ? 0 : -1;
}

/* Run the callbacks last first, then clear them.  Errors are reported,
 * never raised. */
static void run_exitfuncs(void)
{
    TnObject *list = tn_interp()->atexit_callbacks;
    if (list == NULL)
        return;
    for (tn_ssize_t i = tn_list_size(list) - 1; i >= 0; i--) {
        TnObject *entry = tn_list_get_item_ref(list, i);
        if (entry == NULL) {   /* the list shrank under us (_clear in a callback) */
            tn_err_clear();
            continue;
        }
        if (entry != TN_NONE)
            call_entry(entry);
        tn_decref(entry);
    }
    if (clear_all(list) < 0)
        tn_err_clear();
}

static TnObject *atexit_run_exitfuncs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("atexit._run_exitfuncs", kwnames) < 0 ||
        tn_args_count("atexit._run_exitfuncs", nargs, 0, 0) < 0)
        return NULL;
    run_exitfuncs();
    return tn_none_ref();
}

static TnObject *atexit_clear(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("atexit._clear", kwnames) < 0 || tn_args_count("atexit._clear", nargs, 0, 0) < 0)
        return NULL;
    TnObject *list = callbacks();
    if (list == NULL || clear_all(list) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *atexit_ncallbacks(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("atexit._ncallbacks", kwnames) < 0 ||
        tn_args_count("atexit._ncallbacks", nargs, 0, 0) < 0)
        return NULL;
    TnObject *list = tn_interp()->atexit_callbacks;
    return tn_int_from_ssize(list != NULL ? tn_list_size(list) : 0);
}

void tn_atexit_run_at_exit(void)
{
    TnObject *exc = tn_err_fetch();   /* none expected; kept intact if there is one */
    run_exitfuncs();
    if (exc != NULL)
        tn_err_restore(exc);
}

static const TnMethodDef atexit_functions[] = {
    {"register", atexit_register, 0,
     "register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program termination\n\n"
     "    func - function to be called at exit\n    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a decorator."},
    {"unregister", atexit_unregister, 0,
     "unregister(func) -> None\n\nUnregister an exit function which was previously registered using\natexit.register\n\n"
     "    func - function to be unregistered"},
    {"_run_exitfuncs", atexit_run_exitfuncs, 0, "_run_exitfuncs() -> None\n\nRun all registered exit functions."},
    {"_clear", atexit_clear, 0, "_clear() -> None\n\nClear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, 0, "_ncallbacks() -> int\n\nReturn the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_atexit_module_create(void)
{
    TnInterp *interp = tn_interp();
    if (interp->atexit_callbacks == NULL && (interp->atexit_callbacks = tn_list_new(0)) == NULL)
        return NULL;
    TnObject *m = tn_module_new("atexit");
    if (m == NULL || tn_module_add_functions(m, atexit_functions) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
