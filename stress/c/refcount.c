/* stress/c/refcount.c — concurrent tn_incref / tn_decref on one shared heap
 * object: the count must be exact and the object deallocated exactly once.
 *
 * Registered ONLY in the free-threaded flavour (stress/CMakeLists.txt): the
 * gil flavour's counts are deliberately plain integers, because the GIL
 * serialises every incref/decref, so running this program there would race
 * by design.  In ft with TANDEM_RC=atomic every update is an atomic RMW; with
 * TANDEM_RC=biased the objects belong to the main thread, so the worker
 * threads take the shared (atomic) path, and a decrement that would take the
 * shared count below zero goes through threading/brc.c's merge on behalf of
 * an unregistered owner.
 *
 * Phase 1 (balanced): NTHREADS threads each do bursts of increfs followed by
 * as many decrefs on an object the main thread keeps alive; afterwards the
 * count is exactly 1 and dealloc never ran.
 * Phase 2 (last reference races): for many rounds, a fresh object gets one
 * reference per thread; every thread hammers it and then drops its own
 * reference, so whichever thread happens to be last must deallocate it —
 * exactly once per object, checked by a per-object dealloc counter.
 *
 * Objects are raw memory initialised with tn_object_init and a test type, so
 * the program needs no runtime (tn_runtime_init) and no allocator.
 */
#include "core/object.h"
#include "stress.h"

#define NTHREADS 4
#define BURST 16

typedef struct {
    TnObject ob;
    int dealloc_calls;     /* atomic: how many times dealloc ran */
    int alive;             /* 1 until dealloc; plain, checked in dealloc */
} StressObj;

static void stressobj_dealloc(TnObject *op)
{
    StressObj *o = (StressObj *)op;
    if (__atomic_add_fetch(&o->dealloc_calls, 1, __ATOMIC_SEQ_CST) != 1)
        STRESS_CHECK(0, "object %p deallocated more than once", (void *)o);
    STRESS_CHECK(o->alive == 1, "dealloc of an object that is not alive");
    o->alive = 0;
    /* The memory is freed by the test after the threads are joined, so a
     * second dealloc is detected instead of being a double free. */
}

static TnType stressobj_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "stressobj",
    .basicsize = sizeof(StressObj),
    .dealloc = stressobj_dealloc,
};

static StressObj *stressobj_new(void)
{
    StressObj *o = calloc(1, sizeof(StressObj));
    if (o == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    tn_object_init(&o->ob, &stressobj_type);
    o->alive = 1;
    return o;
}

static long iters;   /* per thread, scaled */

/* ---- phase 1: balanced bursts on a kept-alive object ------------------------ */

static void *balanced_thread(void *arg)
{
    StressThread *t = arg;
    TnObject *op = t->shared;
    for (long i = 0; i < iters; i += BURST) {
        for (int j = 0; j < BURST; j++)
            tn_incref(op);
        STRESS_CHECK(tn_refcnt(op) >= 1 + BURST, "refcnt %ld below this thread's own references",
                     (long)tn_refcnt(op));
        for (int j = 0; j < BURST; j++)
            tn_decref(op);
    }
    return NULL;
}

static void test_balanced(void)
{
    StressObj *o = stressobj_new();
    stress_run_threads(NTHREADS, balanced_thread, &o->ob);
    STRESS_CHECK(tn_refcnt(&o->ob) == 1, "balanced: final refcnt %ld, expected 1", (long)tn_refcnt(&o->ob));
    STRESS_CHECK(o->dealloc_calls == 0, "balanced: dealloc ran %d times while alive", o->dealloc_calls);
    STRESS_CHECK(!tn_is_immortal(&o->ob), "balanced: object became immortal");
    tn_decref(&o->ob);
    STRESS_CHECK(o->dealloc_calls == 1, "balanced: last decref ran dealloc %d times", o->dealloc_calls);
    free(o);
}

/* ---- phase 2: the last reference is dropped by a racing thread --------------- */

typedef struct {
    StressObj **objs;
    long nobjs;
} RaceShared;

static void *race_thread(void *arg)
{
    StressThread *t = arg;
    RaceShared *s = t->shared;
    for (long k = 0; k < s->nobjs; k++) {
        TnObject *op = &s->objs[k]->ob;
        /* Each thread owns one reference to every object (taken by main). */
        for (int j = 0; j < 8; j++)
            tn_incref(op);
        for (int j = 0; j < 8; j++)
            tn_decref(op);
        tn_decref(op);          /* drop this thread's own reference */
    }
    return NULL;
}

static void test_last_reference(void)
{
    RaceShared s;
    s.nobjs = iters / 20;
    s.objs = calloc((size_t)s.nobjs, sizeof(StressObj *));
    if (s.objs == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (long k = 0; k < s.nobjs; k++) {
        s.objs[k] = stressobj_new();
        for (int j = 0; j < NTHREADS - 1; j++)  /* one reference per thread */
            tn_incref(&s.objs[k]->ob);
    }
    stress_run_threads(NTHREADS, race_thread, &s);

    long wrong = 0;
    for (long k = 0; k < s.nobjs; k++) {
        if (s.objs[k]->dealloc_calls != 1 || s.objs[k]->alive != 0)
            wrong++;
        free(s.objs[k]);
    }
    free(s.objs);
    STRESS_CHECK(wrong == 0, "last reference: %ld of %ld objects not deallocated exactly once",
                 wrong, s.nobjs);
}

int main(void)
{
    double t0 = stress_now();
    iters = 2000000 * stress_scale();
    test_balanced();
    test_last_reference();
    return stress_finish("refcount", t0);
}
