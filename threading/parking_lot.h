/* threading/parking_lot.h — park a thread on an address, unpark it later.
 *
 * The parking lot is what lets a lock (or any other one-word synchronisation
 * object) be a single byte: the queue of threads waiting for it does not live
 * in the object but in a process-wide hash table keyed by the object's
 * address (the design of WebKit's WTF::ParkingLot, which CPython's
 * Python/parking_lot.c also follows; see shared/design/FREE_THREADING.md B.7).
 *
 *  - tn_parking_lot_park(addr, expected, size, ...) enqueues the calling
 *    thread on addr only if *addr still equals *expected (compared under the
 *    bucket lock, so a concurrent unpark cannot be missed), then sleeps until
 *    it is unparked, the timeout expires, or a signal interrupts the wait.
 *  - tn_parking_lot_unpark(addr, fn, arg) dequeues the oldest thread parked on
 *    addr and calls fn under the bucket lock, telling it whether more threads
 *    remain; fn is where the caller updates *addr atomically with respect to
 *    new parkers (the mutex clears its HAS_PARKED bit there).
 *  - tn_parking_lot_unpark_all(addr) wakes every thread parked on addr.
 *
 * Each parked thread sleeps on its own semaphore (on its C stack, like the
 * rest of its wait record), so a wake-up wakes exactly one thread.  Buckets
 * are locked with ordinary pthread mutexes: they are held for a few list
 * operations only, and ThreadSanitizer understands them.
 *
 * Hooks: a thread that blocks for an unknown time should let go of its
 * thread state (detach) so that stop-the-world, the GIL and garbage
 * collection do not wait for it.  The thread-state code registers the
 * detach/attach pair with tn_parking_set_hooks; park calls them around the
 * sleep when asked to (detach == true).  Until they are registered they are
 * no-ops.
 *
 * The table is process-wide rather than interpreter state for the reason
 * brc.c's registry is: addresses are process-wide, and the lowest layer
 * (TnMutex) has no interpreter at hand.  Not fork-safe yet: a child forked
 * while another thread held a bucket lock would inherit it locked.
 */
#ifndef TN_PARKING_LOT_H
#define TN_PARKING_LOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Results of a park. */
typedef enum TnParkResult {
    TN_PARK_OK = 0,        /* unparked by tn_parking_lot_unpark[_all] */
    TN_PARK_AGAIN = -1,    /* *addr did not match: not parked at all */
    TN_PARK_TIMEOUT = -2,  /* the timeout expired first */
    TN_PARK_INTR = -3,     /* a signal handler ran while waiting */
} TnParkResult;

/* Timeouts are in nanoseconds; a negative timeout waits for ever. */
#define TN_PARK_FOREVER ((int64_t)-1)

/* Park on addr if the size bytes there (1, 4 or 8; read atomically)
 * equal those at expected.  park_arg is handed to the unparker's callback. */
TnParkResult tn_parking_lot_park(const void *addr, const void *expected, size_t size,
                                 int64_t timeout_ns, void *park_arg, bool detach);

/* Park on addr if validate(addr, validate_arg) returns true.  validate runs
 * under the bucket lock: it must be short and must not park or unpark. */
typedef bool (*TnParkValidateFn)(const void *addr, void *validate_arg);
TnParkResult tn_parking_lot_park_if(const void *addr, TnParkValidateFn validate, void *validate_arg,
                                    int64_t timeout_ns, void *park_arg, bool detach);

/* Called under the bucket lock by tn_parking_lot_unpark: park_arg is the
 * woken thread's park_arg, or NULL if no thread was parked on addr;
 * has_more_waiters tells whether threads remain parked on addr. */
typedef void (*TnUnparkFn)(void *arg, void *park_arg, bool has_more_waiters);

/* Wake the thread that parked first on addr (if any), calling fn first.
 * Returns true if a thread was woken. */
bool tn_parking_lot_unpark(const void *addr, TnUnparkFn fn, void *arg);

/* Wake every thread parked on addr; returns how many. */
size_t tn_parking_lot_unpark_all(const void *addr);

/* Number of threads parked on addr right now (a snapshot, for tests). */
size_t tn_parking_lot_count(const void *addr);

/* Register the detach/attach pair called around a sleeping park with
 * detach == true.  NULL restores the no-op.  Meant to be set once, before
 * threads start. */
typedef void (*TnParkHook)(void);
void tn_parking_set_hooks(TnParkHook before_park, TnParkHook after_park);

/* Process-wide counters since start (sys._tandem_stats, -X stats).  A park
 * that finds the value already changed (TN_PARK_AGAIN) does not sleep and is
 * not counted; one interrupted by a signal counts in parks only. */
typedef struct TnParkingLotStats {
    uint64_t parks;      /* threads that were queued and slept */
    uint64_t unparks;    /* of those, woken by tn_parking_lot_unpark[_all] */
    uint64_t timeouts;   /* of those, gave up at their timeout */
    uint64_t sleep_ns;   /* time slept, summed over every park */
} TnParkingLotStats;
void tn_parking_lot_stats(TnParkingLotStats *out);

/* CLOCK_MONOTONIC in nanoseconds (the clock every timeout here uses). */
int64_t tn_monotonic_ns(void);
/* The monotonic time timeout_ns from now, or -1 (never) for a negative
 * timeout or one too long to represent. */
int64_t tn_deadline_ns(int64_t timeout_ns);

#endif /* TN_PARKING_LOT_H */
