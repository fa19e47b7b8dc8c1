/* stress/c/atomics.c — hammer the always-atomic operations of
 * threading/atomic.h from several threads and check exact final values.
 *
 * Runs in both flavours and with both backends (ConcurrencyKit by default,
 * __atomic builtins under ft-tsan), so that every operation the refcounts,
 * the one-byte mutex and the lock-free readers rely on is checked for
 * atomicity and for the ordering it promises:
 *
 *   faa       tn_atomic_add_intptr: no lost update; every returned old value
 *             is distinct (their sum is exactly 0 + 1 + ... + total-1)
 *   faa_u32   tn_atomic_add_u32 wraps modulo 2**32
 *   cas_ptr   a CAS-loop increment with tn_atomic_cas_ptr
 *   spinlock  tn_atomic_cas_u8 / tn_atomic_store_u8 as a lock around plain data
 *   publish   tn_atomic_store_ptr_release / tn_atomic_load_ptr_acquire handoff
 *   peterson  Peterson's lock: needs the sequential consistency that
 *             tn_atomic_store_intptr / tn_atomic_load_intptr promise
 */
#include "core/object.h"
#include "stress.h"

#define NTHREADS 4

static long iters;   /* per thread, scaled */

/* ---- faa ----------------------------------------------------------------- */

typedef struct {
    intptr_t counter;
    intptr_t updown;
    intptr_t sum_of_olds;     /* sum of every value faa returned */
} FaaShared;

static void *faa_thread(void *arg)
{
    StressThread *t = arg;
    FaaShared *s = t->shared;
    intptr_t local_sum = 0;
    for (long i = 0; i < iters; i++) {
        local_sum += tn_atomic_add_intptr(&s->counter, 1);
        tn_atomic_add_intptr(&s->updown, 7);
        tn_atomic_add_intptr(&s->updown, -5);
    }
    tn_atomic_add_intptr(&s->sum_of_olds, local_sum);
    return NULL;
}

static void test_faa(void)
{
    FaaShared s = {0, 0, 0};
    stress_run_threads(NTHREADS, faa_thread, &s);
    intptr_t total = (intptr_t)NTHREADS * iters;
    STRESS_CHECK(s.counter == total, "faa: counter %ld, expected %ld", (long)s.counter, (long)total);
    STRESS_CHECK(s.updown == 2 * total, "faa: updown %ld, expected %ld", (long)s.updown, (long)(2 * total));
    STRESS_CHECK(s.sum_of_olds == total * (total - 1) / 2,
                 "faa: returned old values sum to %ld, expected %ld (duplicates or gaps)",
                 (long)s.sum_of_olds, (long)(total * (total - 1) / 2));
}

/* ---- faa_u32 ------------------------------------------------------------- */

static void *faa_u32_thread(void *arg)
{
    StressThread *t = arg;
    uint32_t *word = t->shared;
    for (long i = 0; i < iters; i++)
        tn_atomic_add_u32(word, 3);
    return NULL;
}

static void test_faa_u32(void)
{
    uint32_t start = UINT32_MAX - 100;
    uint32_t word = start;
    stress_run_threads(NTHREADS, faa_u32_thread, &word);
    uint32_t expected = start + (uint32_t)(3u * (uint64_t)NTHREADS * (uint64_t)iters);
    STRESS_CHECK(tn_atomic_load_u32_relaxed(&word) == expected, "faa_u32: %u, expected %u (mod 2**32)",
                 word, expected);
}

/* ---- cas_ptr --------------------------------------------------------------- */

static void *cas_ptr_thread(void *arg)
{
    StressThread *t = arg;
    void **word = t->shared;
    for (long i = 0; i < iters; i++) {
        for (;;) {
            void *old = tn_atomic_load_ptr(word);
            void *new_ = (void *)((uintptr_t)old + 1);
            if (tn_atomic_cas_ptr(word, old, new_))
                break;
        }
    }
    return NULL;
}

static void test_cas_ptr(void)
{
    void *word = NULL;
    stress_run_threads(NTHREADS, cas_ptr_thread, &word);
    uintptr_t expected = (uintptr_t)NTHREADS * (uintptr_t)iters;
    STRESS_CHECK((uintptr_t)word == expected, "cas_ptr: %lu, expected %lu",
                 (unsigned long)(uintptr_t)word, (unsigned long)expected);
}

/* ---- spinlock from cas_u8 -------------------------------------------------- */

typedef struct {
    uint8_t lock;
    long a, b;          /* plain data: only touched with the lock held */
    long violations;
} SpinShared;

static void spin_lock(uint8_t *lock)
{
    unsigned spins = 0;
    while (!tn_atomic_cas_u8(lock, 0, 1)) {
        if (++spins % 64 == 0)
            sched_yield();   /* 2 cores, 4 threads: let the holder run */
    }
}

static void *spinlock_thread(void *arg)
{
    StressThread *t = arg;
    SpinShared *s = t->shared;
    long n = iters / 4;
    for (long i = 0; i < n; i++) {
        spin_lock(&s->lock);
        if (s->a != s->b)
            s->violations++;
        s->a++;
        s->b++;
        tn_atomic_store_u8(&s->lock, 0);
    }
    return NULL;
}

static void test_spinlock(void)
{
    SpinShared s = {0, 0, 0, 0};
    stress_run_threads(NTHREADS, spinlock_thread, &s);
    long expected = NTHREADS * (iters / 4);
    STRESS_CHECK(s.a == expected && s.b == expected, "spinlock: a=%ld b=%ld, expected %ld", s.a, s.b, expected);
    STRESS_CHECK(s.violations == 0, "spinlock: %ld times a != b inside the lock", s.violations);
    STRESS_CHECK(tn_atomic_load_u8(&s.lock) == 0, "spinlock: left locked");
}

/* ---- release/acquire publication ------------------------------------------ */

typedef struct {
    long payload[4];    /* plain data, written before publication */
} Message;

typedef struct {
    void *mailbox;      /* NULL: empty; else a Message * ready to read */
    Message slots[2];
    long received;
    long bad;
} PublishShared;

static void *publish_thread(void *arg)
{
    StressThread *t = arg;
    PublishShared *s = t->shared;
    long n = iters / 20;
    for (long k = 0; k < n; k++) {
        if (t->index == 0) {                      /* producer */
            while (tn_atomic_load_ptr_acquire(&s->mailbox) != NULL)
                sched_yield();
            Message *m = &s->slots[k % 2];
            for (int j = 0; j < 4; j++)
                m->payload[j] = k * 4 + j;
            tn_atomic_store_ptr_release(&s->mailbox, m);
        } else {                                  /* consumer */
            Message *m;
            while ((m = tn_atomic_load_ptr_acquire(&s->mailbox)) == NULL)
                sched_yield();
            for (int j = 0; j < 4; j++)
                if (m->payload[j] != k * 4 + j)
                    s->bad++;
            s->received++;
            tn_atomic_store_ptr_release(&s->mailbox, NULL);
        }
    }
    return NULL;
}

static void test_publish(void)
{
    PublishShared s;
    s.mailbox = NULL;
    s.received = 0;
    s.bad = 0;
    stress_run_threads(2, publish_thread, &s);
    STRESS_CHECK(s.received == iters / 20, "publish: received %ld of %ld", s.received, iters / 20);
    STRESS_CHECK(s.bad == 0, "publish: %ld payload words seen before their publication", s.bad);
}

/* ---- Peterson's lock: seq_cst store->load ordering ------------------------- */

typedef struct {
    intptr_t flag[2];
    intptr_t turn;
    long counter;        /* plain data */
    long inside;         /* plain: how many threads are in the critical section */
    long violations;
} PetersonShared;

static void *peterson_thread(void *arg)
{
    StressThread *t = arg;
    PetersonShared *s = t->shared;
    int me = t->index, other = 1 - me;
    long n = iters / 20;
    for (long i = 0; i < n; i++) {
        tn_atomic_store_intptr(&s->flag[me], 1);
        tn_atomic_store_intptr(&s->turn, other);
        unsigned spins = 0;
        while (tn_atomic_load_intptr(&s->flag[other]) && tn_atomic_load_intptr(&s->turn) == other) {
            if (++spins % 64 == 0)
                sched_yield();
        }
        if (s->inside++ != 0)
            s->violations++;
        s->counter++;
        s->inside--;
        tn_atomic_store_intptr(&s->flag[me], 0);
    }
    return NULL;
}

static void test_peterson(void)
{
    PetersonShared s = {{0, 0}, 0, 0, 0, 0};
    stress_run_threads(2, peterson_thread, &s);
    STRESS_CHECK(s.counter == 2 * (iters / 20), "peterson: counter %ld, expected %ld", s.counter, 2 * (iters / 20));
    STRESS_CHECK(s.violations == 0, "peterson: mutual exclusion violated %ld times", s.violations);
}

int main(void)
{
    double t0 = stress_now();
    iters = 1000000 * stress_scale();
    test_faa();
    test_faa_u32();
    test_cas_ptr();
    test_spinlock();
    test_publish();
    test_peterson();
    return stress_finish("atomics", t0);
}
