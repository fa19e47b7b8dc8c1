/* threading/qsbr.c — quiescent-state-based reclamation (see qsbr.h, and
 * docs/threading.md "Fields read without a lock (QSBR)" for the design and
 * the rule that fields read lock-free follow).
 *
 * Ordering (ft):
 *  - a writer publishes the new value (atomic exchange or release store),
 *    then takes its goal with a sequentially consistent fetch-add on
 *    wr_seq; a reader's check point loads wr_seq with acquire, so a reader
 *    whose seq reaches the goal sees the new value from then on;
 *  - the reader publishes seq with release and the poller reads it with
 *    acquire: the reader's increfs of the old value happen before the
 *    poller's decref;
 *  - a thread coming online stores its seq and then fences, and the poller
 *    fences before it reads the seqs: either the poller sees the thread
 *    online (and waits for it), or the thread's later loads see the new
 *    value (the two fences are ordered one way or the other).
 *
 * Memory bound.  Every check point of a thread with a queued decref polls
 * every TN_QSBR_POLL_INTERVAL check points, and tn_decref_delayed polls
 * every TN_QSBR_POLL_LEN pushes, so the queue holds what the thread
 * replaced since the slowest online thread's last check point.  A thread
 * that runs C code without a check point for a long time (a long sort, a
 * big multiplication) holds everyone's queue back; past TN_QSBR_HARD_LIMIT
 * items the writer detaches and waits for it rather than grow further.
 * Detached threads are offline and hold nothing back.
 */
#include "threading/qsbr.h"

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "threading/critical_section.h"
#include "threading/tstate.h"

static _Thread_local TnQsbrThread *qsbr_current;

#if TN_FREE_THREADED

intptr_t tn_qsbr_wr_seq_ = 1;   /* 0 is reserved for "offline" */

/* The registry: every registered thread, and the queued decrefs of threads
 * that exited before their goals were reached (orphans, adopted by the next
 * thread that polls). */
static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static TnQsbrThread *registry_head;
static TnQsbrItem *orphans;
static size_t orphans_len, orphans_cap;
static intptr_t orphans_pending;   /* atomic: orphans_len != 0, read without the mutex */

static bool reserve(TnQsbrItem **items, size_t *cap, size_t need)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap != 0 ? *cap : 64;
    while (ncap < need)
        ncap *= 2;
    TnQsbrItem *n = realloc(*items, ncap * sizeof(TnQsbrItem));
    if (n == NULL)
        return false;
    *items = n;
    *cap = ncap;
    return true;
}

/* The smallest seq of an online thread, or the current wr_seq when every
 * thread is offline.  Touches no object, so a detached thread may call it. */
intptr_t tn_qsbr_min_online_seq(void)
{
    tn_atomic_fence();   /* pairs with tn_qsbr_attach's fence (see the top) */
    intptr_t min = tn_atomic_load_intptr(&tn_qsbr_wr_seq_);
    pthread_mutex_lock(&registry_mutex);
    for (TnQsbrThread *t = registry_head; t != NULL; t = t->next) {
        intptr_t s = tn_atomic_load_intptr_acquire(&t->seq);
        if (s != 0 && s < min)
            min = s;
    }
    pthread_mutex_unlock(&registry_mutex);
    return min;
}

intptr_t tn_qsbr_advance(void)
{
    return tn_atomic_add_intptr(&tn_qsbr_wr_seq_, 1) + 1;
}

static void report_quiescent(TnQsbrThread *t)
{
    tn_atomic_store_intptr_release(&t->seq, tn_atomic_load_intptr_acquire(&tn_qsbr_wr_seq_));
}

void tn_qsbr_quiescent_slow(TnQsbrThread *t, intptr_t wr_seq)
{
    /* Load it again with acquire: what the writers stored before advancing
     * it is visible from here on (the fast path's load was relaxed). */
    wr_seq = tn_atomic_load_intptr_acquire(&tn_qsbr_wr_seq_);
    if (wr_seq != t->seq)
        tn_atomic_store_intptr_release(&t->seq, wr_seq);
    if (t->len != 0 && --t->countdown == 0)
        (void)tn_qsbr_poll(t);
}

void tn_qsbr_register(TnQsbrThread *t)
{
    memset(t, 0, sizeof *t);
    t->poll_at = TN_QSBR_POLL_LEN;
    t->countdown = TN_QSBR_POLL_INTERVAL;
    pthread_mutex_lock(&registry_mutex);
    t->next = registry_head;
    if (registry_head != NULL)
        registry_head->prev = t;
    registry_head = t;
    pthread_mutex_unlock(&registry_mutex);
    t->registered = 1;
    qsbr_current = t;
    /* Registered detached: tn_thread_attach brings the thread online. */
}

void tn_qsbr_unregister(TnQsbrThread *t)
{
    if (!t->registered)
        return;
    (void)tn_qsbr_poll(t);
    pthread_mutex_lock(&registry_mutex);
    if (t->len != 0 && reserve(&orphans, &orphans_cap, orphans_len + t->len)) {
        memcpy(orphans + orphans_len, t->items, t->len * sizeof(TnQsbrItem));
        orphans_len += t->len;
        t->len = 0;
        tn_atomic_store_intptr(&orphans_pending, 1);
    }
    if (t->prev != NULL)
        t->prev->next = t->next;
    else
        registry_head = t->next;
    if (t->next != NULL)
        t->next->prev = t->prev;
    pthread_mutex_unlock(&registry_mutex);
    /* Out of memory for the orphans: the remaining references leak, which
     * is safe (an object kept alive is never read after its free). */
    free(t->items);
    t->items = NULL;
    t->len = t->cap = 0;
    tn_atomic_store_intptr_release(&t->seq, 0);
    t->registered = 0;
    if (qsbr_current == t)
        qsbr_current = NULL;
}

void tn_qsbr_detach(TnQsbrThread *t)
{
    tn_atomic_store_intptr_release(&t->seq, 0);
}

void tn_qsbr_attach(TnQsbrThread *t)
{
    if (!t->registered)
        return;
    tn_atomic_store_intptr(&t->seq, tn_atomic_load_intptr_acquire(&tn_qsbr_wr_seq_));
    tn_atomic_fence();   /* before this thread loads any field (see the top) */
}

/* Move the orphans into t's queue (they keep their goals). */
static void adopt_orphans(TnQsbrThread *t)
{
    pthread_mutex_lock(&registry_mutex);
    if (orphans_len != 0 && reserve(&t->items, &t->cap, t->len + orphans_len)) {
        memcpy(t->items + t->len, orphans, orphans_len * sizeof(TnQsbrItem));
        t->len += orphans_len;
        orphans_len = 0;
        tn_atomic_store_intptr(&orphans_pending, 0);
    }
    pthread_mutex_unlock(&registry_mutex);
}

size_t tn_qsbr_poll(TnQsbrThread *t)
{
    static _Thread_local int polling;
    t->countdown = TN_QSBR_POLL_INTERVAL;
    /* A decref below can run a destructor that delays another decref and
     * polls again: the inner call only queues. */
    if (polling)
        return t->len;
    if (tn_atomic_load_intptr_relaxed(&orphans_pending))
        adopt_orphans(t);
    if (t->len == 0)
        return 0;
    /* Polling is a quiescent state of the caller: it is a point where a
     * decref may run arbitrary code anyway. */
    report_quiescent(t);
    intptr_t min = tn_qsbr_min_online_seq();
    size_t n = 0;
    while (n < t->len && t->items[n].goal <= min)
        n++;
    if (n == 0)
        return t->len;
    polling = 1;
    /* By index: a destructor may append to t->items (and move it). */
    for (size_t i = 0; i < n; i++) {
        TnObject *op = t->items[i].obj;
        t->items[i].obj = NULL;
        tn_decref(op);
    }
    polling = 0;
    memmove(t->items, t->items + n, (t->len - n) * sizeof(TnQsbrItem));
    t->len -= n;
    return t->len;
}

/* The queue is over its hard limit: some online thread has not passed a
 * check point for a long time.  Wait for it detached (offline, holding no
 * lock), so that it can never be waiting for us; then free. */
static void wait_for_laggards(TnQsbrThread *t)
{
    intptr_t goal = t->items[t->len - TN_QSBR_HARD_LIMIT / 2].goal;
    TnThreadState *ts = tn_thread_detach();
    while (tn_qsbr_min_online_seq() < goal) {
        struct timespec pause = {0, 100 * 1000};
        nanosleep(&pause, NULL);
    }
    tn_thread_attach(ts);
    (void)tn_qsbr_poll(t);
}

void tn_decref_delayed(TnObject *op)
{
    TnQsbrThread *t = qsbr_current;
    /* Only one thread exists (single-thread mode), or the caller runs no
     * Python code (a C harness): nobody else can be reading. */
    if (tn_is_immortal(op) || t == NULL || !tn_critical_section_locking_enabled()) {
        tn_decref(op);
        return;
    }
    if (!reserve(&t->items, &t->cap, t->len + 1)) {
        /* No memory for the queue: wait out a grace period instead. */
        intptr_t goal = tn_atomic_add_intptr(&tn_qsbr_wr_seq_, 1) + 1;
        TnThreadState *ts = tn_thread_detach();
        while (tn_qsbr_min_online_seq() < goal)
            sched_yield();
        tn_thread_attach(ts);
        tn_decref(op);
        return;
    }
    intptr_t goal = tn_atomic_add_intptr(&tn_qsbr_wr_seq_, 1) + 1;
    if (t->len == 0)
        t->countdown = TN_QSBR_POLL_INTERVAL;
    t->items[t->len].obj = op;
    t->items[t->len].goal = goal;
    t->len++;
    if (t->len < t->poll_at)
        return;
    size_t left = tn_qsbr_poll(t);
    t->poll_at = left + TN_QSBR_POLL_LEN;
    if (left > TN_QSBR_HARD_LIMIT)
        wait_for_laggards(t);
}

void tn_qsbr_fini(TnQsbrThread *t)
{
    /* Daemon threads may still be running: only what the rules allow. */
    (void)tn_qsbr_poll(t);
}

#else /* gil: the GIL orders every load and incref before any decref */

void tn_qsbr_register(TnQsbrThread *t)
{
    memset(t, 0, sizeof *t);
    t->registered = 1;
    qsbr_current = t;
}

void tn_qsbr_unregister(TnQsbrThread *t)
{
    t->registered = 0;
    if (qsbr_current == t)
        qsbr_current = NULL;
}

void tn_qsbr_detach(TnQsbrThread *t) { (void)t; }
void tn_qsbr_attach(TnQsbrThread *t) { (void)t; }
intptr_t tn_qsbr_advance(void) { return 0; }
intptr_t tn_qsbr_min_online_seq(void) { return 0; }
size_t tn_qsbr_poll(TnQsbrThread *t) { return t->len; }
void tn_qsbr_fini(TnQsbrThread *t) { (void)t; }

void tn_decref_delayed(TnObject *op)
{
    tn_decref(op);
}

#endif
