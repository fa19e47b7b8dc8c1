/* threading/mutex.h — TnMutex, a one-byte lock (CPython's PyMutex design).
 *
 * The byte holds two bits:
 *   TN_MUTEX_LOCKED      someone owns the lock;
 *   TN_MUTEX_HAS_PARKED  threads may be parked on the byte's address in the
 *                        parking lot (threading/parking_lot.h).
 * 0 is unlocked, so zeroed memory is a valid unlocked mutex (every object
 * header's `mutex` byte in the ft flavour is one).
 *
 * Lock: one compare-and-swap 0 -> LOCKED when free.  Otherwise spin a
 * few microseconds (ft flavour only, and only while nobody is parked yet),
 * then set HAS_PARKED and park on the byte.
 * Unlock: one compare-and-swap LOCKED -> 0 when nobody is parked; otherwise
 * unpark the oldest waiter.  Fairness: a waiter that has waited more than
 * 1 ms is handed the lock directly (the byte stays LOCKED and the waiter
 * returns owning it); younger waiters are only woken and compete with
 * newcomers ("barging"), which is much faster under light contention.
 *
 * Not recursive, no owner tracking: unlocking a mutex that is not locked is
 * a fatal error; unlocking one held by another thread is undefined.
 *
 * Parking with TN_LOCK_DETACH (the default for tn_mutex_lock) first suspends
 * the calling thread's critical sections (threading/critical_section.h):
 * a thread never sleeps on a lock while holding per-object locks, which is
 * what keeps critical sections deadlock-free.  It also calls the parking
 * lot's detach/attach hooks around the sleep.
 */
#ifndef TN_MUTEX_H
#define TN_MUTEX_H

#include <stdbool.h>
#include <stdint.h>
#include "threading/atomic.h"

typedef struct TnMutex {
    uint8_t bits;
} TnMutex;

#define TN_MUTEX_INIT { 0 }
#define TN_MUTEX_LOCKED 0x1
#define TN_MUTEX_HAS_PARKED 0x2

/* Outcome of a timed lock. */
typedef enum TnLockStatus {
    TN_LOCK_ACQUIRED = 1,
    TN_LOCK_TIMEOUT = 0,
    TN_LOCK_INTR = -1,       /* only with TN_LOCK_HANDLE_SIGNALS */
} TnLockStatus;

/* Flags of tn_mutex_lock_timed. */
#define TN_LOCK_DONT_DETACH 0x0
#define TN_LOCK_DETACH 0x1          /* suspend critical sections and detach while parked */
#define TN_LOCK_HANDLE_SIGNALS 0x2  /* return TN_LOCK_INTR when a signal handler ran while
                                       parked (the caller runs pending calls and decides) */

#define TN_LOCK_FOREVER ((int64_t)-1)

/* timeout_ns < 0: wait for ever; 0: try once; > 0: give up after that long. */
TnLockStatus tn_mutex_lock_timed(TnMutex *m, int64_t timeout_ns, int flags);
/* The slow half of tn_mutex_unlock. */
void tn_mutex_unlock_slow(TnMutex *m);

static inline bool tn_mutex_trylock(TnMutex *m)
{
    return tn_atomic_cas_u8(&m->bits, 0, TN_MUTEX_LOCKED);
}

static inline void tn_mutex_lock(TnMutex *m)
{
    if (!tn_atomic_cas_u8(&m->bits, 0, TN_MUTEX_LOCKED))
        (void)tn_mutex_lock_timed(m, TN_LOCK_FOREVER, TN_LOCK_DETACH);
}

/* Lock without detaching or suspending critical sections while parked: for
 * the lowest layers, which run where no thread state may exist. */
static inline void tn_mutex_lock_raw(TnMutex *m)
{
    if (!tn_atomic_cas_u8(&m->bits, 0, TN_MUTEX_LOCKED))
        (void)tn_mutex_lock_timed(m, TN_LOCK_FOREVER, TN_LOCK_DONT_DETACH);
}

static inline void tn_mutex_unlock(TnMutex *m)
{
    if (!tn_atomic_cas_u8(&m->bits, TN_MUTEX_LOCKED, 0))
        tn_mutex_unlock_slow(m);
}

static inline bool tn_mutex_is_locked(const TnMutex *m)
{
    return (tn_atomic_load_u8(&m->bits) & TN_MUTEX_LOCKED) != 0;
}

/* Process-wide counters since start: lock calls that found the mutex taken
 * (contended) and sleeps in the parking lot (parks).  Either pointer may be
 * NULL. */
void tn_mutex_stats(uint64_t *contended, uint64_t *parks);
/* Locks handed directly to a waiter by the fairness rule (for tests). */
uint64_t tn_mutex_handoffs(void);

#endif /* TN_MUTEX_H */
