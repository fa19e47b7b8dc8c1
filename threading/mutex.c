/* threading/mutex.c — the slow paths of TnMutex (see mutex.h).
 *
 * Invariants on the byte:
 *  - Only the owner clears LOCKED.  HAS_PARKED is set by a would-be waiter
 *    (with a CAS, before it parks) and cleared only by the unpark callback,
 *    which runs under the parking-lot bucket lock of the byte's address.
 *  - Once the owner's fast unlock (LOCKED -> 0) has failed, the byte is
 *    LOCKED|HAS_PARKED and nobody else writes it until the callback does, so
 *    the callback may store the new value plainly (atomically, no CAS).
 *  - A waiter parks only if the byte still reads LOCKED|HAS_PARKED under the
 *    bucket lock, so it cannot miss the wake-up of an unlock that already
 *    ran its callback.
 */
#include "threading/mutex.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/config.h"
#include "threading/critical_section.h"
#include "threading/parking_lot.h"

/* Spin rounds before parking, each a few CPU pause instructions: about
 * 5-20 us in all, longer than a typical critical section of the interpreter
 * (well under 1 us) and much shorter than a park/unpark round trip.
 * CPython yields the CPU (sched_yield) in each of its 40 rounds instead; with
 * more runnable threads than cores that starves the spinners (each yield can
 * cost another thread's whole time slice, and in between the lock is
 * usually retaken by a thread that never yields), which stress/c/mutex.c's
 * progress test caught.  The gil flavour does not spin: there a waiter
 * usually holds the GIL, and spinning only delays the owner. */
#define MUTEX_MAX_SPINS (TN_FREE_THREADED ? 40 : 0)
#define MUTEX_PAUSES_PER_SPIN 4

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* A waiter that has waited longer than this gets the lock handed over. */
#define MUTEX_FAIRNESS_NS 1000000

/* Statistics; relaxed atomics touched on slow paths only. */
static intptr_t mutex_contended;
static intptr_t mutex_parks;
static intptr_t mutex_handoffs;

/* What a parked locker shares with the unlocker's callback. */
typedef struct MutexWaiter {
    int64_t time_to_be_fair;   /* monotonic ns; written before parking */
    bool handed_off;           /* written by the callback under the bucket lock */
} MutexWaiter;

void tn_mutex_stats(uint64_t *contended, uint64_t *parks)
{
    if (contended != NULL)
        *contended = (uint64_t)tn_atomic_load_intptr_relaxed(&mutex_contended);
    if (parks != NULL)
        *parks = (uint64_t)tn_atomic_load_intptr_relaxed(&mutex_parks);
}

uint64_t tn_mutex_handoffs(void)
{
    return (uint64_t)tn_atomic_load_intptr_relaxed(&mutex_handoffs);
}

/* Park on m while it reads `seen` (LOCKED|HAS_PARKED).  With TN_LOCK_DETACH
 * the thread's critical sections are released for the sleep and the top one
 * is re-entered afterwards, as a detach/attach pair would. */
static TnParkResult park_on(TnMutex *m, uint8_t seen, int64_t timeout_ns, MutexWaiter *w, int flags)
{
    bool detach = (flags & TN_LOCK_DETACH) != 0;
    if (detach)
        tn_critical_section_suspend_all();
    tn_atomic_add_intptr(&mutex_parks, 1);
    TnParkResult r = tn_parking_lot_park(&m->bits, &seen, 1, timeout_ns, w, detach);
    if (detach)
        tn_critical_section_resume();
    return r;
}

TnLockStatus tn_mutex_lock_timed(TnMutex *m, int64_t timeout_ns, int flags)
{
    uint8_t v = tn_atomic_load_u8(&m->bits);
    if (!(v & TN_MUTEX_LOCKED) && tn_atomic_cas_u8(&m->bits, v, v | TN_MUTEX_LOCKED))
        return TN_LOCK_ACQUIRED;
    if (timeout_ns == 0)
        return TN_LOCK_TIMEOUT;

    tn_atomic_add_intptr(&mutex_contended, 1);
    int64_t start = tn_monotonic_ns();
    int64_t deadline = tn_deadline_ns(timeout_ns);
    MutexWaiter w = { .time_to_be_fair = start + MUTEX_FAIRNESS_NS, .handed_off = false };
    int spins = 0;

    for (;;) {
        v = tn_atomic_load_u8(&m->bits);
        if (!(v & TN_MUTEX_LOCKED)) {
            if (tn_atomic_cas_u8(&m->bits, v, v | TN_MUTEX_LOCKED))
                return TN_LOCK_ACQUIRED;
            continue;
        }
        /* Spin only while nobody is parked: once threads sleep, a newcomer
         * spinning would just steal the lock from them more often. */
        if (!(v & TN_MUTEX_HAS_PARKED) && spins < MUTEX_MAX_SPINS) {
            spins++;
            for (int i = 0; i < MUTEX_PAUSES_PER_SPIN; i++)
                cpu_relax();
            continue;
        }
        int64_t remaining = TN_PARK_FOREVER;
        if (deadline >= 0) {
            remaining = deadline - tn_monotonic_ns();
            if (remaining <= 0)
                return TN_LOCK_TIMEOUT;
        }
        if (!(v & TN_MUTEX_HAS_PARKED)) {
            if (!tn_atomic_cas_u8(&m->bits, v, v | TN_MUTEX_HAS_PARKED))
                continue;
            v |= TN_MUTEX_HAS_PARKED;
        }
        TnParkResult r = park_on(m, v, remaining, &w, flags);
        if (r == TN_PARK_OK && w.handed_off)
            return TN_LOCK_ACQUIRED;   /* the unlocker left LOCKED set for us */
        if (r == TN_PARK_INTR && (flags & TN_LOCK_HANDLE_SIGNALS))
            return TN_LOCK_INTR;
        if (r == TN_PARK_TIMEOUT)
            return TN_LOCK_TIMEOUT;
        /* Woken without hand-off, value changed, or a signal we do not
         * report: compete again. */
    }
}

/* Runs under the bucket lock of m's address (see the invariants above). */
static void unpark_cb(void *arg, void *park_arg, bool has_more_waiters)
{
    TnMutex *m = arg;
    uint8_t next = 0;
    MutexWaiter *w = park_arg;
    if (w != NULL && tn_monotonic_ns() >= w->time_to_be_fair) {
        w->handed_off = true;
        next = TN_MUTEX_LOCKED;
        tn_atomic_add_intptr(&mutex_handoffs, 1);
    }
    if (has_more_waiters)
        next |= TN_MUTEX_HAS_PARKED;
    tn_atomic_store_u8(&m->bits, next);
}

void tn_mutex_unlock_slow(TnMutex *m)
{
    for (;;) {
        uint8_t v = tn_atomic_load_u8(&m->bits);
        if (!(v & TN_MUTEX_LOCKED)) {
            fprintf(stderr, "Fatal: unlocking a TnMutex that is not locked\n");
            abort();
        }
        if (v & TN_MUTEX_HAS_PARKED) {
            tn_parking_lot_unpark(&m->bits, unpark_cb, m);
            return;
        }
        if (tn_atomic_cas_u8(&m->bits, v, 0))
            return;
    }
}
