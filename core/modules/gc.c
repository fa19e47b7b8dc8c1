/* core/modules/gc.c — the gc module.
 *
 * For now only gc.get_referents(*objs): the objects each argument's
 * traverse slot visits (the contract is in core/object.h, above
 * TnType.traverse; which types take part and why: docs/objects.md, "Cycle
 * collection").  The rest of the module (enable, collect, get_objects,
 * is_tracked, ...) comes with the collectors (gc/, docs/memory.md).
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "threading/stw.h"
#include "threading/tstate.h"

/* The visited objects, each with a reference of its own. */
typedef struct Referents {
    TnObject **items;
    size_t len, cap;
    bool no_memory;
} Referents;

static int collect_referent(TnObject *op, void *arg)
{
    Referents *r = arg;
    if (r->len == r->cap) {
        size_t cap = r->cap != 0 ? r->cap * 2 : 16;
        TnObject **items = tn_mem_realloc(r->items, cap * sizeof(TnObject *));
        if (items == NULL) {
            r->no_memory = true;
            return 1;   /* stop the walk */
        }
        r->items = items;
        r->cap = cap;
    }
    r->items[r->len++] = tn_newref(op);
    return 0;
}

/* Traverse every argument with the world stopped: a traverse reads the
 * fields without the objects' locks, which is safe only while no other
 * thread can change them (CPython 3.13's free-threaded get_referents stops
 * the world too; in the gil flavour the GIL already excludes them).  The
 * list is built after the world restarts. */
static void referents_of(TnObject *const *objs, tn_ssize_t n, Referents *r)
{
    TnThreadState *ts = tn_tstate();
    tn_world_stop(ts);
    for (tn_ssize_t i = 0; i < n && !r->no_memory; i++) {
        TnType *tp = tn_type(objs[i]);
        if (tn_object_is_gc(objs[i]) && tp->traverse != NULL)
            tp->traverse(objs[i], collect_referent, r);
    }
    tn_world_start(ts);
}

static TnObject *gc_get_referents(TnObject *module, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)module;
    if (tn_args_no_kw("get_referents", kwnames) < 0)
        return NULL;
    Referents r = {NULL, 0, 0, false};
    referents_of(args, nargs, &r);
    TnObject *list = r.no_memory ? tn_err_no_memory() : tn_list_new(0);
    for (size_t i = 0; i < r.len; i++) {
        if (list == NULL)
            tn_decref(r.items[i]);
        else if (tn_list_append_steal(list, r.items[i]) < 0)
            TN_CLEAR(list);     /* the item went with the failed append */
    }
    tn_mem_free(r.items);
    return list;
}

static const TnMethodDef gc_functions[] = {
    {"get_referents", gc_get_referents, 0, "Return the list of objects that are directly referred to by objs."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_gc_module_create(void)
{
    TnObject *m = tn_module_new("gc");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, gc_functions) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
