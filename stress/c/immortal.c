/* stress/c/immortal.c — threads incref/decref immortal objects; they must
 * stay immortal, keep their reported count and never be deallocated.
 *
 * Runs in both flavours.  Immortality is what lets every thread share None,
 * True, small ints and static types without touching their counts: in the
 * gil flavour incref/decref test the sign of refcnt and never write it; in
 * ft they test ref_local == UINT32_MAX and never touch ref_shared.  So this
 * program has no data race in either flavour, even though the gil flavour's
 * counts are plain integers.
 *
 * Two objects: a static one (TN_STATIC_OBJECT_HEAD, like the builtin types
 * and singletons) and a heap object made immortal with tn_set_immortal.
 * Threads do unbalanced runs of increfs and decrefs (more decrefs than
 * increfs, enough to drive any mortal count to zero many times over).
 */
#include "core/object.h"
#include "stress.h"

#define NTHREADS 4

typedef struct {
    TnObject ob;
    int dealloc_calls;     /* atomic */
} ImmObj;

static void immobj_dealloc(TnObject *op)
{
    __atomic_add_fetch(&((ImmObj *)op)->dealloc_calls, 1, __ATOMIC_SEQ_CST);
}

static TnType immobj_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "immobj",
    .basicsize = sizeof(ImmObj),
    .dealloc = immobj_dealloc,
};

static ImmObj static_obj = {
    .ob = TN_STATIC_OBJECT_HEAD(&immobj_type),
    .dealloc_calls = 0,
};

typedef struct {
    TnObject *objs[2];
    tn_ssize_t refcnt_before[2];
} ImmShared;

static long iters;   /* per thread, scaled */

static void *immortal_thread(void *arg)
{
    StressThread *t = arg;
    ImmShared *s = t->shared;
    for (long i = 0; i < iters; i++) {
        TnObject *op = s->objs[(i + t->index) % 2];
        tn_incref(op);
        tn_decref(op);
        tn_decref(op);                 /* unbalanced: one more decref */
        tn_xdecref(op);
        TnObject *r = tn_newref(op);
        if (r != op)
            STRESS_CHECK(0, "tn_newref returned another object");
        if (i % 1024 == 0) {
            STRESS_CHECK(tn_is_immortal(op), "object %p stopped being immortal", (void *)op);
            STRESS_CHECK(tn_refcnt(op) == s->refcnt_before[(i + t->index) % 2],
                         "refcnt of an immortal object changed: %ld", (long)tn_refcnt(op));
        }
    }
    return NULL;
}

int main(void)
{
    double t0 = stress_now();
    iters = 4000000 * stress_scale();

    ImmObj *heap_obj = calloc(1, sizeof(ImmObj));
    if (heap_obj == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    tn_object_init(&heap_obj->ob, &immobj_type);
    tn_set_immortal(&heap_obj->ob);

    ImmShared s;
    s.objs[0] = &static_obj.ob;
    s.objs[1] = &heap_obj->ob;
    for (int k = 0; k < 2; k++) {
        STRESS_CHECK(tn_is_immortal(s.objs[k]), "object %d is not immortal before the test", k);
        s.refcnt_before[k] = tn_refcnt(s.objs[k]);
    }

    stress_run_threads(NTHREADS, immortal_thread, &s);

    for (int k = 0; k < 2; k++) {
        STRESS_CHECK(tn_is_immortal(s.objs[k]), "object %d is no longer immortal", k);
        STRESS_CHECK(tn_refcnt(s.objs[k]) == s.refcnt_before[k], "object %d: refcnt %ld, was %ld", k,
                     (long)tn_refcnt(s.objs[k]), (long)s.refcnt_before[k]);
    }
    STRESS_CHECK(static_obj.dealloc_calls == 0, "static immortal object deallocated %d times",
                 static_obj.dealloc_calls);
    STRESS_CHECK(heap_obj->dealloc_calls == 0, "heap immortal object deallocated %d times",
                 heap_obj->dealloc_calls);
    free(heap_obj);
    return stress_finish("immortal", t0);
}
