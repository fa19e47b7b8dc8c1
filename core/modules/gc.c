/* core/modules/gc.c — the gc module: CPython 3.11's interface to the cycle
 * collector (gc/gc.h; design and figures: docs/memory.md).
 *
 * The collector itself knows nothing of Python-level objects; this module
 * gives it the hooks that need them: gc.callbacks (called with "start" and
 * "stop" around every collection) and gc.garbage (DEBUG_SAVEALL).
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "gc/gc.h"
#include "threading/stw.h"
#include "threading/tstate.h"

/* The module's lists, created once; gc.garbage and gc.callbacks are these
 * objects for the life of the process, as in CPython. */
static TnObject *gc_garbage;
static TnObject *gc_callbacks;

/* ---- hooks ------------------------------------------------------------ */

static TnObject *phase_info(int generation, tn_ssize_t collected, tn_ssize_t uncollectable)
{
    TnObject *info = tn_dict_new();
    TnObject *g = tn_int_from_ssize(generation);
    TnObject *c = tn_int_from_ssize(collected);
    TnObject *u = tn_int_from_ssize(uncollectable);
    if (info == NULL || g == NULL || c == NULL || u == NULL || tn_dict_set_item_cstr(info, "generation", g) < 0 ||
        tn_dict_set_item_cstr(info, "collected", c) < 0 || tn_dict_set_item_cstr(info, "uncollectable", u) < 0)
        TN_CLEAR(info);
    tn_xdecref(g);
    tn_xdecref(c);
    tn_xdecref(u);
    return info;
}

/* gc.callbacks: each callback(phase, info); an error is unraisable. */
static void gc_phase(struct TnThreadState *ts, bool start, int generation, tn_ssize_t collected,
                     tn_ssize_t uncollectable)
{
    (void)ts;
    if (gc_callbacks == NULL || tn_list_size(gc_callbacks) == 0)
        return;
    TnObject *saved = tn_err_fetch();
    /* A copy: a callback may change the list. */
    TnObject *cbs = tn_list_as_tuple(gc_callbacks);
    TnObject *args[2] = {tn_str_from_cstr(start ? "start" : "stop"), phase_info(generation, collected, uncollectable)};
    if (cbs == NULL || args[0] == NULL || args[1] == NULL) {
        tn_err_write_unraisable(NULL, gc_callbacks);
    } else {
        for (tn_ssize_t i = 0; i < tn_tuple_size(cbs); i++) {
            TnObject *cb = tn_tuple_get(cbs, i);
            TnObject *r = tn_call(cb, args, 2, NULL);
            if (r == NULL)
                tn_err_write_unraisable(NULL, cb);
            tn_xdecref(r);
        }
    }
    tn_xdecref(args[0]);
    tn_xdecref(args[1]);
    tn_xdecref(cbs);
    tn_err_restore(saved);
}

static void gc_save_garbage(TnObject *op)
{
    if (gc_garbage != NULL && tn_list_append(gc_garbage, op) < 0)
        tn_err_clear();
}

/* ---- functions -------------------------------------------------------- */

static TnObject *gc_enable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("enable", kwnames) < 0 || tn_args_count("enable", nargs, 0, 0) < 0)
        return NULL;
    tn_gc_set_enabled(true);
    return tn_none_ref();
}

static TnObject *gc_disable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("disable", kwnames) < 0 || tn_args_count("disable", nargs, 0, 0) < 0)
        return NULL;
    tn_gc_set_enabled(false);
    return tn_none_ref();
}

static TnObject *gc_isenabled(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("isenabled", kwnames) < 0 || tn_args_count("isenabled", nargs, 0, 0) < 0)
        return NULL;
    return tn_bool_from(tn_gc_enabled());
}

/* collect(generation=2): the number of unreachable objects found. */
static TnObject *gc_collect(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    TnObject *gen_obj = NULL;
    if (tn_args_parse("collect", args, nargs, kwnames, names, 0, 0, &gen_obj) < 0)
        return NULL;
    int generation = TN_GC_NUM_GENERATIONS - 1;
    if (gen_obj != NULL && tn_number_as_c_int(gen_obj, &generation) < 0)
        return NULL;
    if (generation < 0 || generation >= TN_GC_NUM_GENERATIONS)
        return tn_err_format(&tn_exc_ValueError, "invalid generation");
    tn_ssize_t n = tn_gc_collect(tn_tstate(), generation, TN_GC_REASON_MANUAL);
    return tn_int_from_ssize(n < 0 ? 0 : n);
}

static TnObject *int_triple(const int v[TN_GC_NUM_GENERATIONS])
{
    TnObject *items[TN_GC_NUM_GENERATIONS];
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++) {
        items[i] = tn_int_from_ssize(v[i]);
        if (items[i] == NULL) {
            for (int j = 0; j < i; j++)
                tn_decref(items[j]);
            return NULL;
        }
    }
    TnObject *t = tn_tuple_pack(TN_GC_NUM_GENERATIONS, items[0], items[1], items[2]);
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++)
        tn_decref(items[i]);
    return t;
}

static TnObject *gc_get_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_count", kwnames) < 0 || tn_args_count("get_count", nargs, 0, 0) < 0)
        return NULL;
    int v[TN_GC_NUM_GENERATIONS];
    tn_gc_get_counts(v);
    return int_triple(v);
}

static TnObject *gc_get_threshold(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_threshold", kwnames) < 0 || tn_args_count("get_threshold", nargs, 0, 0) < 0)
        return NULL;
    int v[TN_GC_NUM_GENERATIONS];
    tn_gc_get_thresholds(v);
    return int_triple(v);
}

/* set_threshold(threshold0[, threshold1[, threshold2]]): CPython accepts
 * any C int, negative ones included (a threshold <= 0 never triggers). */
static TnObject *gc_set_threshold(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("set_threshold", kwnames) < 0)
        return NULL;
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "set_threshold() takes at least 1 argument (%zd given)", nargs);
    if (nargs > 3)
        return tn_err_format(&tn_exc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)", nargs);
    int v[TN_GC_NUM_GENERATIONS];
    for (tn_ssize_t i = 0; i < nargs; i++)
        if (tn_number_as_c_int(args[i], &v[i]) < 0)
            return NULL;
    tn_gc_set_thresholds(v, (int)nargs);
    return tn_none_ref();
}

static TnObject *gc_set_debug(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"flags", NULL};
    TnObject *flags = NULL;
    int v;
    if (tn_args_parse("set_debug", args, nargs, kwnames, names, 1, 1, &flags) < 0 ||
        tn_number_as_c_int(flags, &v) < 0)
        return NULL;
    tn_gc_set_debug_flags(v);
    return tn_none_ref();
}

static TnObject *gc_get_debug(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_debug", kwnames) < 0 || tn_args_count("get_debug", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_ssize(tn_gc_debug_flags());
}

static int append_visit(TnObject *op, void *arg) { return tn_list_append(arg, op); }

/* get_objects(generation=None). */
static TnObject *gc_get_objects(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    TnObject *gen_obj = NULL;
    if (tn_args_parse("get_objects", args, nargs, kwnames, names, 0, 0, &gen_obj) < 0)
        return NULL;
    int generation = -1;
    if (gen_obj != NULL && gen_obj != TN_NONE && tn_number_as_c_int(gen_obj, &generation) < 0)
        return NULL;
    if (generation >= TN_GC_NUM_GENERATIONS)
        return tn_err_format(&tn_exc_ValueError,
                             "generation parameter must be less than the number of available generations (%d)",
                             TN_GC_NUM_GENERATIONS);
    if (generation < -1)
        return tn_err_format(&tn_exc_ValueError, "generation parameter cannot be negative");
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    if (tn_gc_visit_objects(tn_tstate(), generation, append_visit, list) != 0)
        TN_CLEAR(list);
    return list;
}

/* Objects gathered with a reference each (get_referents, get_referrers). */
typedef struct Gathered {
    TnObject **items;
    size_t len, cap;
    bool no_memory;
} Gathered;

static int gather_ref(TnObject *op, void *arg)
{
    Gathered *g = arg;
    if (g->len == g->cap) {
        size_t cap = g->cap != 0 ? g->cap * 2 : 16, bytes;
        TnObject **items = tn_mem_mul(cap, sizeof(TnObject *), &bytes) ? NULL : tn_mem_realloc(g->items, bytes);
        if (items == NULL) {
            g->no_memory = true;
            return 1;   /* stop the walk */
        }
        g->items = items;
        g->cap = cap;
    }
    g->items[g->len++] = tn_newref(op);
    return 0;
}

/* A list of the gathered objects (their references move into it). */
static TnObject *gathered_list(Gathered *g)
{
    TnObject *list = g->no_memory ? tn_err_no_memory() : tn_list_new(0);
    for (size_t i = 0; i < g->len; i++) {
        if (list == NULL)
            tn_decref(g->items[i]);
        else if (tn_list_append_steal(list, g->items[i]) < 0)
            TN_CLEAR(list);     /* the item went with the failed append */
    }
    tn_mem_free(g->items);
    return list;
}

/* get_referents(*objs): what each gc object's traverse visits.  A traverse
 * reads fields without the objects' locks, which is safe only while no
 * other thread can change them: the world is stopped for it (as CPython
 * 3.13t does; in gil the GIL already excludes the others and the pause
 * only counts). */
static TnObject *gc_get_referents(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_referents", kwnames) < 0)
        return NULL;
    Gathered g = {NULL, 0, 0, false};
    TnThreadState *ts = tn_tstate();
    tn_world_stop(ts);
    for (tn_ssize_t i = 0; i < nargs && !g.no_memory; i++) {
        tn_traverseproc traverse = tn_type(args[i])->traverse;
        if (tn_object_is_gc(args[i]) && traverse != NULL)
            (void)traverse(args[i], gather_ref, &g);
    }
    tn_world_start(ts);
    return gathered_list(&g);
}

/* get_referrers(*objs): the tracked objects whose traverse visits one of
 * objs.  The candidates are gathered (with references) first, then
 * examined with the world stopped. */
typedef struct Referrers {
    TnObject *const *objs;
    tn_ssize_t n;
    bool found;
} Referrers;

static int find_referent(TnObject *op, void *arg)
{
    Referrers *r = arg;
    for (tn_ssize_t i = 0; i < r->n; i++)
        if (r->objs[i] == op)
            r->found = true;
    return 0;
}

static int gather_visit(TnObject *op, void *arg) { return gather_ref(op, arg); }

static TnObject *gc_get_referrers(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_referrers", kwnames) < 0)
        return NULL;
    TnThreadState *ts = tn_tstate();
    Gathered all = {NULL, 0, 0, false}, found = {NULL, 0, 0, false};
    if (tn_gc_visit_objects(ts, -1, gather_visit, &all) != 0 && !all.no_memory)
        all.no_memory = true;
    tn_world_stop(ts);
    for (size_t i = 0; i < all.len && !all.no_memory && !found.no_memory; i++) {
        TnObject *op = all.items[i];
        tn_traverseproc traverse = tn_type(op)->traverse;
        if (traverse == NULL)
            continue;
        Referrers r = {args, nargs, false};
        (void)traverse(op, find_referent, &r);
        if (r.found)
            (void)gather_ref(op, &found);
    }
    tn_world_start(ts);
    found.no_memory |= all.no_memory;
    for (size_t i = 0; i < all.len; i++)
        tn_decref(all.items[i]);
    tn_mem_free(all.items);
    return gathered_list(&found);
}

static TnObject *gc_is_tracked(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("is_tracked", kwnames) < 0 || tn_args_count("is_tracked", nargs, 1, 1) < 0)
        return NULL;
    return tn_bool_from(tn_gc_is_tracked(args[0]));
}

static TnObject *gc_is_finalized(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("is_finalized", kwnames) < 0 || tn_args_count("is_finalized", nargs, 1, 1) < 0)
        return NULL;
    return tn_bool_from(tn_gc_is_finalized(args[0]));
}

static TnObject *gc_freeze(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("freeze", kwnames) < 0 || tn_args_count("freeze", nargs, 0, 0) < 0)
        return NULL;
    tn_gc_freeze(tn_tstate());
    return tn_none_ref();
}

static TnObject *gc_unfreeze(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("unfreeze", kwnames) < 0 || tn_args_count("unfreeze", nargs, 0, 0) < 0)
        return NULL;
    tn_gc_unfreeze(tn_tstate());
    return tn_none_ref();
}

static TnObject *gc_get_freeze_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_freeze_count", kwnames) < 0 || tn_args_count("get_freeze_count", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_ssize(tn_gc_freeze_count(tn_tstate()));
}

static int put_count(TnObject *d, const char *key, uint64_t v)
{
    TnObject *i = tn_int_from_i64((int64_t)v);
    int r = i != NULL ? tn_dict_set_item_cstr(d, key, i) : -1;
    tn_xdecref(i);
    return r;
}

static TnObject *gc_get_stats(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get_stats", kwnames) < 0 || tn_args_count("get_stats", nargs, 0, 0) < 0)
        return NULL;
    TnGCGenStats st[TN_GC_NUM_GENERATIONS];
    tn_gc_get_gen_stats(st);
    TnObject *list = tn_list_new(0);
    for (int i = 0; list != NULL && i < TN_GC_NUM_GENERATIONS; i++) {
        TnObject *d = tn_dict_new();
        if (d == NULL || put_count(d, "collections", st[i].collections) < 0 ||
            put_count(d, "collected", st[i].collected) < 0 ||
            put_count(d, "uncollectable", st[i].uncollectable) < 0 || tn_list_append(list, d) < 0)
            TN_CLEAR(list);
        tn_xdecref(d);
    }
    return list;
}

static const TnMethodDef gc_functions[] = {
    {"enable", gc_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {"collect", gc_collect, 0, "Run the garbage collector."},
    {"get_count", gc_get_count, 0, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, 0, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, 0, "Set the collection thresholds (the collection frequency)."},
    {"set_debug", gc_set_debug, 0, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, 0, "Get the garbage collection debugging flags."},
    {"get_objects", gc_get_objects, 0, "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referents", gc_get_referents, 0, "Return the list of objects that are directly referred to by 'objs'."},
    {"get_referrers", gc_get_referrers, 0, "Return the list of objects that directly refer to any of 'objs'."},
    {"is_tracked", gc_is_tracked, 0, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, 0, "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze, 0, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, 0, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, 0, "Return the number of objects in the permanent generation."},
    {"get_stats", gc_get_stats, 0, "Return a list of dictionaries containing per-generation statistics."},
    {NULL, NULL, 0, NULL},
};

static int add_int(TnObject *m, const char *name, int v)
{
    TnObject *i = tn_int_from_ssize(v);
    int r = i != NULL ? tn_module_add_object(m, name, i) : -1;
    tn_xdecref(i);
    return r;
}

TnObject *tn_gc_module_create(void)
{
    if (gc_garbage == NULL && (gc_garbage = tn_list_new(0)) == NULL)
        return NULL;
    if (gc_callbacks == NULL && (gc_callbacks = tn_list_new(0)) == NULL)
        return NULL;
    TnGCHooks *hooks = tn_gc_hooks();
    hooks->phase = gc_phase;
    hooks->save_garbage = gc_save_garbage;
    TnObject *m = tn_module_new("gc");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, gc_functions) < 0 || tn_module_add_object(m, "garbage", gc_garbage) < 0 ||
        tn_module_add_object(m, "callbacks", gc_callbacks) < 0 ||
        add_int(m, "DEBUG_STATS", TN_GC_DEBUG_STATS) < 0 ||
        add_int(m, "DEBUG_COLLECTABLE", TN_GC_DEBUG_COLLECTABLE) < 0 ||
        add_int(m, "DEBUG_UNCOLLECTABLE", TN_GC_DEBUG_UNCOLLECTABLE) < 0 ||
        add_int(m, "DEBUG_SAVEALL", TN_GC_DEBUG_SAVEALL) < 0 || add_int(m, "DEBUG_LEAK", TN_GC_DEBUG_LEAK) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
