/* stress/c/brc_churn.c — biased reference counting while owner threads exit
 * and new threads reuse their ids.
 *
 * Registered only in the free-threaded flavour (see brc.c beside it).  One
 * long-lived consumer thread and a chain of short-lived owner threads, one
 * per generation, each created after the previous one was joined, so the C
 * library hands the new thread the old one's thread-local block: the same
 * biased-counting owner id (the program counts how often that happened).
 *
 * What each generation's owner T does, and the consumer C against it:
 *
 *  1. Exit while merging.  T creates K children and a container A (all
 *     owned by T).  C holds one reference to each; A holds R references to
 *     each child, counted in T's local counts.  C drops A, which queues A
 *     to T; then T unregisters, and its unregistration merges A, whose
 *     destructor (running in T) drops A's references to the children one by
 *     one, locally, while C drops its own references to the children.  C's
 *     drops must reach T's queue (T is still registered while it merges); a
 *     merge "on behalf of an exited owner" at that moment would race with
 *     T's local decrements and lose some of them.
 *  2. Id reuse.  T also leaves "abandoned" objects: one reference in a pool
 *     for the next owner and one for C.  The next owner (often with T's id,
 *     so it counts on them locally as their owner) takes them from the pool
 *     right after it registers and counts up and down on them, while C
 *     drops its references: C's merges on behalf of the dead owner must not
 *     interleave with the new owner's local updates.
 *
 * Checks: every object is deallocated exactly once, and never while a
 * reference the test holds remains (see brc.c).
 */
#include "core/object.h"
#include "threading/brc.h"
#include "threading/thread_id.h"
#include "stress.h"
#include <string.h>

#define K 16          /* children per container */
#define R 24          /* references the container holds on each child */
#define NPOOL 16      /* abandoned objects per generation */
#define MAX_OBJS_PER_GEN (K + 1 + NPOOL)

typedef struct BObj {
    TnObject ob;
    int dealloc_calls;        /* atomic */
    int holders;              /* atomic: references the test believes are held */
    struct BObj **children;   /* a container's children (NULL otherwise) */
} BObj;

static void bobj_dealloc(TnObject *op);

static TnType bobj_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "brcchurnobj",
    .basicsize = sizeof(BObj),
    .dealloc = bobj_dealloc,
};

static void drop(BObj *o)
{
    STRESS_CHECK(__atomic_load_n(&o->dealloc_calls, __ATOMIC_SEQ_CST) == 0,
                 "object %p already deallocated while a reference is held", (void *)o);
    __atomic_sub_fetch(&o->holders, 1, __ATOMIC_SEQ_CST);
    tn_decref(&o->ob);
}

static void take(BObj *o)
{
    __atomic_add_fetch(&o->holders, 1, __ATOMIC_SEQ_CST);
    tn_incref(&o->ob);
}

/* A container drops its references round-robin, with a pause between
 * rounds, so that the consumer's drops of the children overlap them. */
static void bobj_dealloc(TnObject *op)
{
    BObj *o = (BObj *)op;
    STRESS_CHECK(__atomic_load_n(&o->holders, __ATOMIC_SEQ_CST) == 0,
                 "object %p deallocated while %d holders remain", (void *)o, o->holders);
    if (__atomic_add_fetch(&o->dealloc_calls, 1, __ATOMIC_SEQ_CST) != 1)
        STRESS_CHECK(0, "object %p deallocated more than once", (void *)o);
    if (o->children != NULL) {
        for (int r = 0; r < R; r++) {
            for (int j = 0; j < K; j++)
                drop(o->children[j]);
            for (volatile int spin = 0; spin < 200; spin++)
                ;
        }
    }
}

/* ---- generations ------------------------------------------------------------ */

typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    long gen;                 /* the generation whose owner runs */
    int step;                 /* progress inside the generation (below) */
    BObj *container;          /* step 1: A, handed to C */
    BObj *children[K];        /* C's references to the children */
    BObj *pool[NPOOL];        /* abandoned objects: the next owner's references */
    BObj *pool_c[2][NPOOL];   /* ... and C's references to them, dropped next
                               * generation (by parity: the owner fills one
                               * while C empties the other) */
    BObj **all;               /* every object, for the final check */
    long nall;
    long ngens;
    uintptr_t last_tid;       /* the previous owner's id */
    long reused;              /* owners that got their predecessor's id */
} Shared;

enum { STEP_STARTED = 1, STEP_BATCH = 2, STEP_A_DROPPED = 3, STEP_EXITING = 4, STEP_C_DONE = 5 };

/* Steps only go forward: main's STARTED may come after the owner's BATCH. */
static void set_step(Shared *s, int step)
{
    pthread_mutex_lock(&s->lock);
    if (step > s->step)
        s->step = step;
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->lock);
}

static void wait_step(Shared *s, long gen, int step)
{
    pthread_mutex_lock(&s->lock);
    while (s->gen != gen || s->step < step)
        pthread_cond_wait(&s->cond, &s->lock);
    pthread_mutex_unlock(&s->lock);
}

static BObj *new_obj(Shared *s)
{
    BObj *o = calloc(1, sizeof(BObj));
    if (o == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    tn_object_init(&o->ob, &bobj_type);
    o->holders = 1;
    s->all[s->nall++] = o;   /* only the current owner creates objects */
    return o;
}

static void *owner_main(void *arg)
{
    Shared *s = arg;
    TnBrcThread reg;
    tn_brc_thread_register(&reg, NULL);
    long gen = s->gen;
    if (tn_thread_id() == s->last_tid)
        s->reused++;
    s->last_tid = tn_thread_id();
    /* 2. The previous owner's abandoned objects: count on them (locally
     * when this thread got the same id) while C drops its references. */
    BObj *inherited[NPOOL];
    memcpy(inherited, s->pool, sizeof inherited);
    for (int round = 0; round < 8; round++) {
        for (int i = 0; i < NPOOL; i++)
            if (inherited[i] != NULL)
                take(inherited[i]);
        for (int i = 0; i < NPOOL; i++)
            if (inherited[i] != NULL)
                drop(inherited[i]);
    }
    for (int i = 0; i < NPOOL; i++)
        if (inherited[i] != NULL)
            drop(inherited[i]);
    tn_brc_merge_pending(&reg);
    /* New abandoned objects for the next owner and for C. */
    for (int i = 0; i < NPOOL; i++) {
        BObj *o = new_obj(s);
        take(o);
        s->pool[i] = o;
        s->pool_c[gen & 1][i] = o;
    }
    /* 1. A container holding R references to each of K children. */
    BObj *a = new_obj(s);
    a->children = calloc(K, sizeof(BObj *));
    if (a->children == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (int j = 0; j < K; j++) {
        BObj *c = new_obj(s);
        for (int r = 0; r < R; r++)
            take(c);
        a->children[j] = c;
        s->children[j] = c;
    }
    s->container = a;
    set_step(s, STEP_BATCH);
    wait_step(s, gen, STEP_A_DROPPED);   /* A is in our queue now */
    set_step(s, STEP_EXITING);
    tn_brc_thread_unregister(&reg);
    return NULL;
}

static void *consumer_main(void *arg)
{
    Shared *s = arg;
    for (long gen = 0; gen < s->ngens; gen++) {
        wait_step(s, gen, STEP_STARTED);
        /* The previous owner's abandoned objects, as the new owner starts. */
        BObj **mine = s->pool_c[(gen + 1) & 1];   /* generation gen - 1's */
        for (int i = 0; i < NPOOL; i++) {
            if (mine[i] != NULL) {
                drop(mine[i]);
                mine[i] = NULL;
            }
        }
        wait_step(s, gen, STEP_BATCH);
        BObj *children[K];
        memcpy(children, s->children, sizeof children);
        drop(s->container);
        set_step(s, STEP_A_DROPPED);
        wait_step(s, gen, STEP_EXITING);
        for (int j = 0; j < K; j++)
            drop(children[j]);
        set_step(s, STEP_C_DONE);
    }
    return NULL;
}

int main(void)
{
    double t0 = stress_now();
    Shared s;
    memset(&s, 0, sizeof s);
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.cond, NULL);
    s.ngens = 2000 * stress_scale();
    s.all = calloc((size_t)(s.ngens * MAX_OBJS_PER_GEN), sizeof(BObj *));
    if (s.all == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    s.gen = -1;
    pthread_t consumer;
    if (pthread_create(&consumer, NULL, consumer_main, &s) != 0) {
        fprintf(stderr, "cannot start the consumer\n");
        return 1;
    }
    for (long gen = 0; gen < s.ngens; gen++) {
        pthread_mutex_lock(&s.lock);
        s.gen = gen;
        s.step = 0;
        pthread_mutex_unlock(&s.lock);
        pthread_t owner;
        if (pthread_create(&owner, NULL, owner_main, &s) != 0) {
            fprintf(stderr, "cannot start an owner\n");
            return 1;
        }
        set_step(&s, STEP_STARTED);
        pthread_join(owner, NULL);
        wait_step(&s, gen, STEP_C_DONE);
    }
    pthread_join(consumer, NULL);
    /* The last pool: the main thread is the only one left holding them. */
    for (int i = 0; i < NPOOL; i++) {
        if (s.pool[i] != NULL)
            drop(s.pool[i]);
        if (s.pool_c[(s.ngens - 1) & 1][i] != NULL)
            drop(s.pool_c[(s.ngens - 1) & 1][i]);
    }
    long wrong = 0;
    for (long k = 0; k < s.nall; k++) {
        if (s.all[k]->dealloc_calls != 1)
            wrong++;
        free(s.all[k]->children);
        free(s.all[k]);
    }
    free(s.all);
    STRESS_CHECK(wrong == 0, "%ld of %ld objects not deallocated exactly once", wrong, s.nall);
    printf("brc_churn: %s counting, %ld generations, %ld owners reused their predecessor's id\n",
           TN_RC_MODE_NAME, s.ngens, s.reused);
    return stress_finish("brc_churn", t0);
}
