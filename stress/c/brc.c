/* stress/c/brc.c — biased reference counting under ownership hand-offs.
 *
 * Registered only in the free-threaded flavour (gil counts are plain by
 * design).  With TANDEM_RC=biased it drives every transition of
 * threading/brc.c; with TANDEM_RC=atomic the same program must pass too
 * (registration and merging are no-ops there).
 *
 * Owner threads (registered with tn_brc_thread_register, like a thread
 * running Python) create objects and hand references to consumer threads
 * through mutex-protected mailboxes.  Consumers count up and down on them
 * (the shared, atomic path) and drop the handed-over reference, which takes
 * the shared count below zero and queues the object back to its owner; the
 * owner merges its queue now and then, as the eval loop does at check points.
 * Owners drop their own reference at random moments: before, during or after
 * the consumers, so the owner's local count reaching zero races with queued
 * and merged states.
 *
 * Phase "live owners": owners merge while consumers work.
 * Phase "exited owners": owners hand everything over, drop their references,
 * unregister and exit before any consumer drops; the consumers' drops must
 * then merge on the dead owner's behalf.
 *
 * Checks: every object is deallocated exactly once; never while somebody
 * still holds a reference (each holder checks before dropping, and dealloc
 * checks that no holder is left).
 */
#include "core/object.h"
#include "threading/brc.h"
#include "stress.h"
#include <string.h>

#define NOWNERS 2
#define NCONSUMERS 2
#define NTHREADS (NOWNERS + NCONSUMERS)

typedef struct {
    TnObject ob;
    int dealloc_calls;   /* atomic */
    int holders;         /* atomic: references the test believes are held */
} BObj;

static void bobj_dealloc(TnObject *op)
{
    BObj *o = (BObj *)op;
    STRESS_CHECK(__atomic_load_n(&o->holders, __ATOMIC_SEQ_CST) == 0,
                 "object %p deallocated while %d holders remain", (void *)o, o->holders);
    if (__atomic_add_fetch(&o->dealloc_calls, 1, __ATOMIC_SEQ_CST) != 1)
        STRESS_CHECK(0, "object %p deallocated more than once", (void *)o);
}

static TnType bobj_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "brcobj",
    .basicsize = sizeof(BObj),
    .dealloc = bobj_dealloc,
};

/* Drop one reference the caller holds. */
static void drop(BObj *o)
{
    STRESS_CHECK(__atomic_load_n(&o->dealloc_calls, __ATOMIC_SEQ_CST) == 0,
                 "object %p already deallocated while a reference is held", (void *)o);
    __atomic_sub_fetch(&o->holders, 1, __ATOMIC_SEQ_CST);
    tn_decref(&o->ob);
}

/* ---- mailboxes: owner -> consumer hand-off of one reference ----------------- */

typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    BObj **items;
    long len, cap, head;
    int closed;          /* owners that finished sending */
} Mailbox;

static Mailbox boxes[NCONSUMERS];

static void box_put(Mailbox *b, BObj *o)
{
    pthread_mutex_lock(&b->lock);
    if (b->len == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->items = realloc(b->items, (size_t)b->cap * sizeof(BObj *));
        if (b->items == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    b->items[b->len++] = o;
    pthread_cond_signal(&b->cond);
    pthread_mutex_unlock(&b->lock);
}

static void box_close(Mailbox *b)
{
    pthread_mutex_lock(&b->lock);
    b->closed++;
    pthread_cond_broadcast(&b->cond);
    pthread_mutex_unlock(&b->lock);
}

/* Next object, or NULL once every owner closed the box and it is empty. */
static BObj *box_get(Mailbox *b)
{
    pthread_mutex_lock(&b->lock);
    while (b->head == b->len && b->closed < NOWNERS)
        pthread_cond_wait(&b->cond, &b->lock);
    BObj *o = b->head < b->len ? b->items[b->head++] : NULL;
    pthread_mutex_unlock(&b->lock);
    return o;
}

static void boxes_reset(void)
{
    for (int i = 0; i < NCONSUMERS; i++) {
        free(boxes[i].items);
        boxes[i].items = NULL;
        boxes[i].len = boxes[i].cap = boxes[i].head = 0;
        boxes[i].closed = 0;
    }
}

/* ---- the test ---------------------------------------------------------------- */

typedef struct {
    BObj **objs;           /* every object created, for the final check */
    long per_owner;
    int exited_owners;     /* phase: owners exit before consumers drop */
    StressBarrier owners_gone;   /* owners + consumers */
} Shared;

static unsigned next_rand(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 16;
}

static void owner_run(Shared *s, int index)
{
    TnBrcThread reg;
    tn_brc_thread_register(&reg, NULL);
    unsigned seed = 17u + (unsigned)index;
    BObj *later[8];
    int nlater = 0;
    for (long k = 0; k < s->per_owner; k++) {
        BObj *o = calloc(1, sizeof(BObj));
        if (o == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        tn_object_init(&o->ob, &bobj_type);
        o->holders = 1;
        s->objs[(long)index * s->per_owner + k] = o;
        int copies = 1 + (int)(next_rand(&seed) % NCONSUMERS);
        for (int c = 0; c < copies; c++) {
            __atomic_add_fetch(&o->holders, 1, __ATOMIC_SEQ_CST);
            tn_incref(&o->ob);
            box_put(&boxes[(index + c) % NCONSUMERS], o);
        }
        /* Drop our own reference now, or keep it a while. */
        if (nlater < 8 && next_rand(&seed) % 2)
            later[nlater++] = o;
        else
            drop(o);
        if (nlater == 8 || next_rand(&seed) % 4 == 0) {
            while (nlater > 0)
                drop(later[--nlater]);
        }
        if (!s->exited_owners && k % 16 == 0)
            tn_brc_merge_pending(&reg);
    }
    while (nlater > 0)
        drop(later[--nlater]);
    for (int c = 0; c < NCONSUMERS; c++)
        box_close(&boxes[c]);
    if (!s->exited_owners) {
        /* Keep merging until the consumers are done, then once more. */
        stress_barrier_wait(&s->owners_gone);
        tn_brc_merge_pending(&reg);
        tn_brc_thread_unregister(&reg);
    } else {
        tn_brc_thread_unregister(&reg);
        stress_barrier_wait(&s->owners_gone);
    }
}

static void consumer_run(Shared *s, int index)
{
    Mailbox *b = &boxes[index];
    BObj **held = NULL;
    long nheld = 0, cap = 0;
    BObj *o;
    while ((o = box_get(b)) != NULL) {
        for (int j = 0; j < 4; j++)
            tn_incref(&o->ob);
        STRESS_CHECK(tn_refcnt(&o->ob) >= 5, "refcnt %ld below the references held", (long)tn_refcnt(&o->ob));
        for (int j = 0; j < 4; j++)
            tn_decref(&o->ob);
        if (!s->exited_owners) {
            drop(o);
            continue;
        }
        if (nheld == cap) {
            cap = cap ? cap * 2 : 256;
            held = realloc(held, (size_t)cap * sizeof(BObj *));
            if (held == NULL) {
                fprintf(stderr, "out of memory\n");
                exit(1);
            }
        }
        held[nheld++] = o;
    }
    if (!s->exited_owners) {
        stress_barrier_wait(&s->owners_gone);
        return;
    }
    /* Owners have unregistered after this barrier: drops merge for them. */
    stress_barrier_wait(&s->owners_gone);
    for (long i = 0; i < nheld; i++)
        drop(held[i]);
    free(held);
}

static void *thread_main(void *arg)
{
    StressThread *t = arg;
    Shared *s = t->shared;
    if (t->index < NOWNERS)
        owner_run(s, t->index);
    else
        consumer_run(s, t->index - NOWNERS);
    return NULL;
}

static void run_phase(const char *name, long per_owner, int exited_owners)
{
    Shared s;
    s.per_owner = per_owner;
    s.exited_owners = exited_owners;
    s.objs = calloc((size_t)(per_owner * NOWNERS), sizeof(BObj *));
    if (s.objs == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    stress_barrier_init(&s.owners_gone, NTHREADS);
    stress_run_threads(NTHREADS, thread_main, &s);
    long wrong = 0;
    for (long k = 0; k < per_owner * NOWNERS; k++) {
        if (s.objs[k] == NULL || s.objs[k]->dealloc_calls != 1)
            wrong++;
        free(s.objs[k]);
    }
    free(s.objs);
    stress_barrier_destroy(&s.owners_gone);
    boxes_reset();
    STRESS_CHECK(wrong == 0, "%s: %ld of %ld objects not deallocated exactly once", name, wrong,
                 per_owner * NOWNERS);
}

int main(void)
{
    double t0 = stress_now();
    long n = 20000 * stress_scale();
    for (int i = 0; i < NCONSUMERS; i++) {
        pthread_mutex_init(&boxes[i].lock, NULL);
        pthread_cond_init(&boxes[i].cond, NULL);
    }
    run_phase("live owners", n, 0);
    run_phase("exited owners", n, 1);
    /* Under biased counting the hand-offs must really have gone through the
     * merge queues (both the owners' and the on-behalf-of-exited path). */
    if (strcmp(TN_RC_MODE_NAME, "biased") == 0)
        STRESS_CHECK(tn_brc_merged_count() >= (uint64_t)n, "only %llu objects went through a merge queue",
                     (unsigned long long)tn_brc_merged_count());
    printf("brc: %s counting, %llu queued merges\n", TN_RC_MODE_NAME, (unsigned long long)tn_brc_merged_count());
    return stress_finish("brc", t0);
}
