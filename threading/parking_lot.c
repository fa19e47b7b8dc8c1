/* threading/parking_lot.c — see parking_lot.h for the contract.
 *
 * Wait records
 * ------------
 * A parked thread's TnParkWaiter lives on its own C stack for the duration of
 * the park.  The life-cycle rule that keeps that safe:
 *
 *   - `queued` (guarded by the bucket lock) says the record is in a bucket
 *     list.  Whoever takes it out of the list owns the right to finish the
 *     wait: either the unparker (it then posts the semaphore exactly once) or
 *     the waiter itself after a timeout or a signal (nobody will post).
 *   - A waiter whose timed wait failed locks the bucket: if it is still
 *     queued it dequeues itself and returns TIMEOUT/INTR; if it is not, an
 *     unparker already chose it, so it waits (without a timeout) for that
 *     post before its stack frame may go away.
 *
 * The unparker publishes `woken` with a release store before posting, and
 * the waiter reads it with an acquire load after the wait: this gives the
 * happens-before edge for everything the unpark callback wrote into the
 * waiter's park_arg even where the semaphore wait itself is invisible to
 * ThreadSanitizer (it does not intercept sem_clockwait).
 */
#define _GNU_SOURCE 1   /* sem_clockwait */
#include "threading/parking_lot.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "threading/atomic.h"

typedef struct TnParkWaiter {
    struct TnParkWaiter *next;
    struct TnParkWaiter *prev;
    const void *addr;
    void *park_arg;
    bool queued;         /* guarded by the bucket lock */
    uint32_t woken;      /* atomic: set (release) by the unparker before it posts */
    sem_t sem;
} TnParkWaiter;

/* 256 buckets: plenty for the number of threads that can be parked at once
 * (a bucket only holds parked threads, never idle objects). */
#define PARK_BUCKETS 256

typedef struct {
    pthread_mutex_t lock;
    TnParkWaiter *head;   /* FIFO: park appends at tail, unpark takes the oldest */
    TnParkWaiter *tail;
} __attribute__((aligned(64))) ParkBucket;

static ParkBucket park_buckets[PARK_BUCKETS] = {
    [0 ... PARK_BUCKETS - 1] = { PTHREAD_MUTEX_INITIALIZER, NULL, NULL },
};

/* Statistics (tn_parking_lot_stats); relaxed atomics, touched only by
 * threads that are about to sleep or have just slept. */
static intptr_t stat_parks;
static intptr_t stat_unparks;
static intptr_t stat_timeouts;
static intptr_t stat_sleep_ns;

/* The detach/attach hooks (function pointers stored as void *; NULL = no-op). */
static void *park_hook_before;
static void *park_hook_after;

static ParkBucket *bucket_for(const void *addr)
{
    /* Fibonacci hashing: objects are 16/32-byte aligned, so the low bits
     * carry no information; the multiply spreads the rest into the top. */
    uint64_t h = (uint64_t)(uintptr_t)addr * UINT64_C(0x9E3779B97F4A7C15);
    return &park_buckets[h >> 56];
}

int64_t tn_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t tn_deadline_ns(int64_t timeout_ns)
{
    if (timeout_ns < 0)
        return -1;
    int64_t now = tn_monotonic_ns();
    /* A timeout so long that the sum overflows is as good as none. */
    return timeout_ns > INT64_MAX - now ? -1 : now + timeout_ns;
}

void tn_parking_set_hooks(TnParkHook before_park, TnParkHook after_park)
{
    tn_atomic_store_ptr_release(&park_hook_before, (void *)before_park);
    tn_atomic_store_ptr_release(&park_hook_after, (void *)after_park);
}

static void run_hook(void *const *slot)
{
    TnParkHook hook = (TnParkHook)tn_atomic_load_ptr_acquire(slot);
    if (hook != NULL)
        hook();
}

/* ---- bucket lists (callers hold the bucket lock) ---------------------------- */

static void bucket_append_lock_held(ParkBucket *b, TnParkWaiter *w)
{
    w->next = NULL;
    w->prev = b->tail;
    if (b->tail != NULL)
        b->tail->next = w;
    else
        b->head = w;
    b->tail = w;
    w->queued = true;
}

static void bucket_remove_lock_held(ParkBucket *b, TnParkWaiter *w)
{
    if (w->prev != NULL)
        w->prev->next = w->next;
    else
        b->head = w->next;
    if (w->next != NULL)
        w->next->prev = w->prev;
    else
        b->tail = w->prev;
    w->next = w->prev = NULL;
    w->queued = false;
}

static TnParkWaiter *bucket_find_lock_held(TnParkWaiter *from, const void *addr)
{
    while (from != NULL && from->addr != addr)
        from = from->next;
    return from;
}

/* ---- waiting ------------------------------------------------------------------ */

static void lock_bucket(ParkBucket *b)
{
    int err = pthread_mutex_lock(&b->lock);
    if (err != 0) {
        fprintf(stderr, "Fatal: parking lot bucket lock failed (%d)\n", err);
        abort();
    }
}

/* One wait on the waiter's semaphore: 0 when a post was consumed, otherwise
 * ETIMEDOUT or EINTR. */
static int wait_once(TnParkWaiter *w, int64_t deadline_ns)
{
    int r;
    if (deadline_ns < 0) {
        r = sem_wait(&w->sem);
    } else {
        struct timespec ts = { .tv_sec = deadline_ns / 1000000000, .tv_nsec = deadline_ns % 1000000000 };
        r = sem_clockwait(&w->sem, CLOCK_MONOTONIC, &ts);
    }
    if (r == 0)
        return 0;
    return errno == EINTR ? EINTR : ETIMEDOUT;
}

/* Sleep until unparked, timed out or interrupted.  The waiter is queued on
 * entry; on every return it is off the list and nobody will touch it. */
static TnParkResult sleep_queued(ParkBucket *b, TnParkWaiter *w, int64_t deadline_ns)
{
    int e = wait_once(w, deadline_ns);
    if (e != 0) {
        lock_bucket(b);
        bool still_queued = w->queued;
        if (still_queued)
            bucket_remove_lock_held(b, w);
        pthread_mutex_unlock(&b->lock);
        if (still_queued)
            return e == EINTR ? TN_PARK_INTR : TN_PARK_TIMEOUT;
        /* An unparker picked us: its post is on the way; take it. */
        while (sem_wait(&w->sem) != 0)
            ;
    }
    if (tn_atomic_load_u32_acquire(&w->woken) != 1) {
        fprintf(stderr, "Fatal: parking lot woke a thread nobody unparked\n");
        abort();
    }
    return TN_PARK_OK;
}

static void count_park(TnParkResult r, int64_t slept_ns)
{
    tn_atomic_add_intptr(&stat_parks, 1);
    tn_atomic_add_intptr(&stat_sleep_ns, (intptr_t)slept_ns);
    if (r == TN_PARK_OK)
        tn_atomic_add_intptr(&stat_unparks, 1);
    else if (r == TN_PARK_TIMEOUT)
        tn_atomic_add_intptr(&stat_timeouts, 1);
}

TnParkResult tn_parking_lot_park_if(const void *addr, TnParkValidateFn validate, void *validate_arg,
                                    int64_t timeout_ns, void *park_arg, bool detach)
{
    int64_t deadline_ns = tn_deadline_ns(timeout_ns);
    TnParkWaiter w = { .addr = addr, .park_arg = park_arg };
    ParkBucket *b = bucket_for(addr);

    lock_bucket(b);
    if (!validate(addr, validate_arg)) {
        pthread_mutex_unlock(&b->lock);
        return TN_PARK_AGAIN;
    }
    sem_init(&w.sem, 0, 0);
    bucket_append_lock_held(b, &w);
    pthread_mutex_unlock(&b->lock);

    /* Detach after enqueueing, outside the bucket lock: the hook may itself
     * release locks, which unparks threads (possibly in this bucket). */
    if (detach)
        run_hook(&park_hook_before);
    int64_t t0 = tn_monotonic_ns();
    TnParkResult r = sleep_queued(b, &w, deadline_ns);
    count_park(r, tn_monotonic_ns() - t0);
    if (detach)
        run_hook(&park_hook_after);
    sem_destroy(&w.sem);
    return r;
}

void tn_parking_lot_stats(TnParkingLotStats *out)
{
    out->parks = (uint64_t)tn_atomic_load_intptr_relaxed(&stat_parks);
    out->unparks = (uint64_t)tn_atomic_load_intptr_relaxed(&stat_unparks);
    out->timeouts = (uint64_t)tn_atomic_load_intptr_relaxed(&stat_timeouts);
    out->sleep_ns = (uint64_t)tn_atomic_load_intptr_relaxed(&stat_sleep_ns);
}

typedef struct {
    const void *expected;
    size_t size;
} ExpectedValue;

static bool matches_expected(const void *addr, void *arg)
{
    const ExpectedValue *ev = arg;
    switch (ev->size) {
    case 1:
        return tn_atomic_load_u8(addr) == *(const uint8_t *)ev->expected;
    case 4:
        return tn_atomic_load_u32_acquire(addr) == *(const uint32_t *)ev->expected;
    case 8:
        return tn_atomic_load_intptr(addr) == *(const intptr_t *)ev->expected;
    default:
        fprintf(stderr, "Fatal: tn_parking_lot_park: unsupported size %zu\n", ev->size);
        abort();
    }
}

TnParkResult tn_parking_lot_park(const void *addr, const void *expected, size_t size,
                                 int64_t timeout_ns, void *park_arg, bool detach)
{
    ExpectedValue ev = { expected, size };
    return tn_parking_lot_park_if(addr, matches_expected, &ev, timeout_ns, park_arg, detach);
}

/* ---- waking ------------------------------------------------------------------- */

/* Called outside the bucket lock: after the post the waiter may return and
 * its record vanish, so `w` must not be used afterwards. */
static void wake(TnParkWaiter *w)
{
    sem_post(&w->sem);
}

bool tn_parking_lot_unpark(const void *addr, TnUnparkFn fn, void *arg)
{
    ParkBucket *b = bucket_for(addr);
    lock_bucket(b);
    TnParkWaiter *w = bucket_find_lock_held(b->head, addr);
    bool has_more = false;
    if (w != NULL) {
        has_more = bucket_find_lock_held(w->next, addr) != NULL;
        bucket_remove_lock_held(b, w);
    }
    if (fn != NULL)
        fn(arg, w != NULL ? w->park_arg : NULL, has_more);
    if (w != NULL)
        tn_atomic_store_u32_release(&w->woken, 1);
    pthread_mutex_unlock(&b->lock);
    if (w != NULL)
        wake(w);
    return w != NULL;
}

size_t tn_parking_lot_unpark_all(const void *addr)
{
    ParkBucket *b = bucket_for(addr);
    TnParkWaiter *chosen = NULL;   /* singly linked through ->next after removal */
    size_t n = 0;
    lock_bucket(b);
    TnParkWaiter *w = bucket_find_lock_held(b->head, addr);
    while (w != NULL) {
        TnParkWaiter *following = bucket_find_lock_held(w->next, addr);
        bucket_remove_lock_held(b, w);
        tn_atomic_store_u32_release(&w->woken, 1);
        w->next = chosen;
        chosen = w;
        n++;
        w = following;
    }
    pthread_mutex_unlock(&b->lock);
    while (chosen != NULL) {
        TnParkWaiter *next = chosen->next;   /* read before the post frees it */
        wake(chosen);
        chosen = next;
    }
    return n;
}

size_t tn_parking_lot_count(const void *addr)
{
    ParkBucket *b = bucket_for(addr);
    size_t n = 0;
    lock_bucket(b);
    for (TnParkWaiter *w = bucket_find_lock_held(b->head, addr); w != NULL;
         w = bucket_find_lock_held(w->next, addr))
        n++;
    pthread_mutex_unlock(&b->lock);
    return n;
}
