/* core/modules/thread.c — the _thread module: OS threads, locks, thread-local data.
 *
 * This is the C layer under lib/threading.py, with CPython 3.11's names and
 * messages.  Every blocking wait detaches the thread state
 * (TN_BEGIN_ALLOW_THREADS), so in the gil flavour other threads run while
 * one waits, and in ft a waiting thread holds no critical section.
 *
 * Locks are a pthread mutex + condition variable + a `locked` flag rather
 * than the bare mutex, because a Python lock may be released by a thread
 * other than the one that acquired it and its acquire takes a timeout.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/structseq.h"
#include "threading/critical_section.h"
#include "threading/tstate.h"
#include "core/modules/signal.h"

/* CPython's _thread.TIMEOUT_MAX on 64-bit Linux: the largest timeout whose
 * nanosecond count fits the platform's time representation. */
#define TN_TIMEOUT_MAX_S 9223372036.0

static int64_t monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static struct timespec timespec_from_ns(int64_t ns)
{
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    return ts;
}

/* ---- the raw lock: shared by lock and RLock ---------------------------------- */

typedef struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int locked;                /* guarded by mutex */
} RawLock;

static void rawlock_init(RawLock *l)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&l->mutex, NULL);
    pthread_cond_init(&l->cond, &attr);
    pthread_condattr_destroy(&attr);
    l->locked = 0;
}

static void rawlock_destroy(RawLock *l)
{
    pthread_cond_destroy(&l->cond);
    pthread_mutex_destroy(&l->mutex);
}

static bool rawlock_try(RawLock *l)
{
    pthread_mutex_lock(&l->mutex);
    bool got = !l->locked;
    l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    return got;
}

/* How long the main thread sleeps at most between looks at the signal flag
 * while it waits for a lock.  The wait is on a condition variable, which a
 * signal handler may not touch (neither pthread_cond_signal nor a mutex is
 * async-signal-safe) and which glibc does not end with EINTR; a semaphore
 * would be (sem_post is async-signal-safe) but the lock's layout is shared
 * with the rest of this file.  So the main thread -- the only one a signal
 * interrupts, as in CPython -- waits in slices and checks the flag the C
 * handler sets (tn_signal_os_pending) between them: 10 ms is far below what
 * a person pressing Ctrl-C notices, and a hundred wake-ups a second of one
 * blocked thread cost nothing measurable.  Other threads wait in one piece. */
#define MAIN_WAIT_SLICE_NS ((int64_t)10 * 1000000)

/* Outcomes of rawlock_wait_detached. */
#define WAIT_TIMEOUT 0
#define WAIT_ACQUIRED 1
#define WAIT_SIGNAL 2   /* a signal arrived: the caller runs its handler (attached) */

/* The next wake-up of a wait with this deadline (ns, -1: none); the slice
 * end when the wait watches for signals. */
static int64_t wait_until(int64_t deadline, bool watch_signals)
{
    if (!watch_signals)
        return deadline;
    int64_t slice_end = monotonic_ns() + MAIN_WAIT_SLICE_NS;
    return deadline < 0 || deadline > slice_end ? slice_end : deadline;
}

/* Wait (detached) until the lock is free, the deadline (ns, -1: none)
 * passes or, if watch_signals, a signal arrives.  Touches no object. */
static int rawlock_wait_detached(RawLock *l, int64_t deadline, bool watch_signals)
{
    int res;
    TN_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&l->mutex);
    for (;;) {
        if (!l->locked) {
            l->locked = 1;
            res = WAIT_ACQUIRED;
            break;
        }
        if (watch_signals && tn_signal_os_pending()) {
            res = WAIT_SIGNAL;
            break;
        }
        if (deadline >= 0 && monotonic_ns() >= deadline) {
            res = WAIT_TIMEOUT;
            break;
        }
        int64_t until = wait_until(deadline, watch_signals);
        if (until < 0) {
            pthread_cond_wait(&l->cond, &l->mutex);
        } else {
            struct timespec ts = timespec_from_ns(until);
            pthread_cond_timedwait(&l->cond, &l->mutex, &ts);
        }
    }
    pthread_mutex_unlock(&l->mutex);
    TN_END_ALLOW_THREADS
    return res;
}

/* The deadline timeout_ns (>= 0) from now; -1 (none) past what the clock
 * can represent (timeouts up to TIMEOUT_MAX would overflow it). */
static int64_t deadline_after(int64_t timeout_ns)
{
    int64_t now = monotonic_ns();
    return timeout_ns > INT64_MAX - now ? -1 : now + timeout_ns;
}

/* Uninterruptible acquire (RLock._acquire_restore, as CPython's): timeout_ns
 * -1 blocks forever, 0 does not block. */
static bool rawlock_acquire(RawLock *l, int64_t timeout_ns)
{
    if (rawlock_try(l))
        return true;
    if (timeout_ns == 0)
        return false;
    return rawlock_wait_detached(l, timeout_ns < 0 ? -1 : deadline_after(timeout_ns), false) == WAIT_ACQUIRED;
}

/* acquire() of lock and RLock, CPython's acquire_timed: in the main thread
 * a signal wakes the wait and its handler runs; if the handler raises, the
 * acquire fails with that exception (-1), otherwise the wait goes on until
 * the same deadline (PEP 475).  1 acquired, 0 timed out. */
static int rawlock_acquire_interruptible(RawLock *l, int64_t timeout_ns)
{
    if (rawlock_try(l))
        return 1;
    if (timeout_ns == 0)
        return 0;
    bool watch_signals = tn_signal_is_main_thread();
    int64_t deadline = timeout_ns < 0 ? -1 : deadline_after(timeout_ns);
    for (;;) {
        int r = rawlock_wait_detached(l, deadline, watch_signals);
        if (r != WAIT_SIGNAL)
            return r == WAIT_ACQUIRED;
        if (tn_signal_check() < 0)
            return -1;
    }
}

/* Release; false if it was not locked. */
static bool rawlock_release(RawLock *l)
{
    pthread_mutex_lock(&l->mutex);
    bool was = l->locked != 0;
    l->locked = 0;
    if (was)
        pthread_cond_signal(&l->cond);
    pthread_mutex_unlock(&l->mutex);
    return was;
}

static bool rawlock_is_locked(RawLock *l)
{
    pthread_mutex_lock(&l->mutex);
    bool v = l->locked != 0;
    pthread_mutex_unlock(&l->mutex);
    return v;
}

/* acquire(blocking=True, timeout=-1) -> timeout in ns (-1 forever, 0 no wait). */
static int parse_acquire_args(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                              int64_t *timeout_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    TnObject *a[2];
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    /* blocking is an int (not a truth value) and an int timeout is
     * converted exactly, as CPython's "|iO" parsing and _PyTime do. */
    int blocking = 1;
    if (a[0] != NULL) {
        TnObject *b = tn_number_index(a[0]);
        if (b == NULL)
            return -1;
        int overflow;
        int64_t v = tn_int_as_i64(b, &overflow);
        tn_decref(b);
        if (overflow || v > INT32_MAX || v < INT32_MIN) {
            tn_err_set_str(&tn_exc_OverflowError, overflow ? "Python int too large to convert to C long"
                                                  : v < 0 ? "signed integer is less than minimum"
                                                          : "signed integer is greater than maximum");
            return -1;
        }
        blocking = v != 0;
    }
    double timeout = -1;
    int64_t int_ns = -1;   /* an int timeout, converted exactly */
    if (a[1] != NULL) {
        if (tn_float_check(a[1])) {
            timeout = tn_float_as_double(a[1]);
            if (isnan(timeout)) {
                tn_err_set_str(&tn_exc_ValueError, "Invalid value NaN (not a number)");
                return -1;
            }
        } else {
            TnObject *t = tn_number_index(a[1]);
            if (t == NULL)
                return -1;
            int overflow;
            int64_t v = tn_int_as_i64(t, &overflow);
            tn_decref(t);
            /* _PyTime: the seconds times 10**9 must fit 64 bits. */
            if (overflow || v > INT64_MAX / 1000000000 || v < INT64_MIN / 1000000000) {
                tn_err_set_str(&tn_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
                return -1;
            }
            timeout = (double)v;
            int_ns = v * 1000000000;
        }
    }
    if (!blocking && timeout != -1) {
        tn_err_set_str(&tn_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1) {
        tn_err_set_str(&tn_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        *timeout_ns = 0;
        return 0;
    }
    if (timeout == -1) {
        *timeout_ns = -1;
        return 0;
    }
    /* A float timeout: its nanoseconds must fit 64 bits (2**63 is exact as
     * a double), as _PyTime's conversion requires.  TIMEOUT_MAX itself
     * (9223372036 s) fits: CPython accepts it, and so does deadline_after
     * (a deadline the clock cannot represent means no deadline). */
    if (int_ns < 0 && !(timeout * 1e9 < 9223372036854775808.0)) {
        tn_err_set_str(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    /* CPython's further "timeout value is too large" check (against
     * PY_TIMEOUT_MAX, LLONG_MAX / 1000 microseconds) cannot fail for a value
     * that passed the one above. */
    *timeout_ns = int_ns >= 0 ? int_ns : (int64_t)(timeout * 1e9);
    return 0;
}

/* ---- _thread.lock ------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    RawLock lock;
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} LockObject;

static TnType lock_type;

static TnObject *lock_new_object(void)
{
    LockObject *l = (LockObject *)tn_object_new(&lock_type, sizeof(LockObject));
    if (l == NULL)
        return NULL;
    rawlock_init(&l->lock);
    return TN_OBJ(l);
}

static void lock_dealloc(TnObject *self)
{
    rawlock_destroy(&((LockObject *)self)->lock);
    tn_object_free(self);
}

static TnObject *lock_acquire(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int64_t timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    int r = rawlock_acquire_interruptible(&((LockObject *)self)->lock, timeout);
    return r < 0 ? NULL : tn_bool_from(r == 1);
}

static TnObject *lock_release(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("lock.release", kwnames) < 0 || tn_args_count("lock.release", nargs, 0, 0) < 0)
        return NULL;
    if (!rawlock_release(&((LockObject *)self)->lock))
        return tn_err_format(&tn_exc_RuntimeError, "release unlocked lock");
    return tn_none_ref();
}

static TnObject *lock_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return lock_release(self, NULL, 0, NULL);
}

static TnObject *lock_locked(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("lock.locked", kwnames) < 0 || tn_args_count("lock.locked", nargs, 0, 0) < 0)
        return NULL;
    return tn_bool_from(rawlock_is_locked(&((LockObject *)self)->lock));
}

static TnObject *lock_repr(TnObject *self)
{
    return tn_str_from_format("<%s %s object at %p>",
                              rawlock_is_locked(&((LockObject *)self)->lock) ? "locked" : "unlocked",
                              "_thread.lock", (void *)self);
}

static const TnMethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, "Lock the lock; with a timeout, wait at most that long."},
    {"acquire_lock", lock_acquire, 0, "An obsolete synonym of acquire()."},
    {"__enter__", lock_acquire, 0, "Lock the lock."},
    {"release", lock_release, 0, "Release the lock."},
    {"release_lock", lock_release, 0, "An obsolete synonym of release()."},
    {"__exit__", lock_exit, 0, "Release the lock."},
    {"locked", lock_locked, 0, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked, 0, "An obsolete synonym of locked()."},
    {NULL, NULL, 0, NULL},
};

static TnType lock_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_thread.lock",
    .weaklistoffset = offsetof(LockObject, weaklist),
    .basicsize = sizeof(LockObject),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
    .doc = "A lock object is a synchronization primitive.",
};

/* ---- _thread.RLock -------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    RawLock lock;
    unsigned long owner;       /* atomic: ident of the owner, 0 when free */
    unsigned long count;       /* atomic (relaxed): written only by the owner; repr() reads it */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} RLockObject;

static TnType rlock_type;

static unsigned long current_ident(void) { return (unsigned long)pthread_self(); }

static unsigned long rlock_owner(RLockObject *r)
{
    return (unsigned long)tn_atomic_load_uintptr_relaxed((uintptr_t *)&r->owner);
}

static void rlock_set_owner(RLockObject *r, unsigned long owner)
{
    tn_atomic_store_uintptr_relaxed((uintptr_t *)&r->owner, (uintptr_t)owner);
}

static unsigned long rlock_count(RLockObject *r)
{
    return (unsigned long)tn_atomic_load_uintptr_relaxed((uintptr_t *)&r->count);
}

static void rlock_set_count(RLockObject *r, unsigned long count)
{
    tn_atomic_store_uintptr_relaxed((uintptr_t *)&r->count, (uintptr_t)count);
}

static TnObject *rlock_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)tn_object_new(type, (size_t)type->basicsize);
    if (r == NULL)
        return NULL;
    rawlock_init(&r->lock);
    r->owner = 0;
    r->count = 0;
    return TN_OBJ(r);
}

static void rlock_dealloc(TnObject *self)
{
    rawlock_destroy(&((RLockObject *)self)->lock);
    tn_object_free(self);
}

static TnObject *rlock_acquire(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    int64_t timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    unsigned long me = current_ident();
    /* Owner first: only the owner writes count, so if that is us, count is ours to read. */
    if (rlock_owner(r) == me && rlock_count(r) > 0) {
        if (rlock_count(r) == (unsigned long)-1)
            return tn_err_format(&tn_exc_OverflowError, "Internal lock count overflowed");
        rlock_set_count(r, rlock_count(r) + 1);
        return tn_bool_from(true);
    }
    int got = rawlock_acquire_interruptible(&r->lock, timeout);
    if (got <= 0)
        return got < 0 ? NULL : tn_bool_from(false);
    rlock_set_owner(r, me);
    rlock_set_count(r, 1);
    return tn_bool_from(true);
}

static bool rlock_is_owned(RLockObject *r) { return rlock_owner(r) == current_ident() && rlock_count(r) > 0; }

static TnObject *rlock_release(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    if (tn_args_no_kw("RLock.release", kwnames) < 0 || tn_args_count("RLock.release", nargs, 0, 0) < 0)
        return NULL;
    if (!rlock_is_owned(r))
        return tn_err_format(&tn_exc_RuntimeError, "cannot release un-acquired lock");
    rlock_set_count(r, rlock_count(r) - 1);
    if (rlock_count(r) == 0) {
        rlock_set_owner(r, 0);
        rawlock_release(&r->lock);
    }
    return tn_none_ref();
}

static TnObject *rlock_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return rlock_release(self, NULL, 0, NULL);
}

static TnObject *rlock_is_owned_py(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("RLock._is_owned", nargs, 0, 0) < 0)
        return NULL;
    return tn_bool_from(rlock_is_owned((RLockObject *)self));
}

/* _release_save() -> (count, owner): release completely (Condition.wait). */
static TnObject *rlock_release_save(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    if (tn_args_count("RLock._release_save", nargs, 0, 0) < 0)
        return NULL;
    if (rlock_count(r) == 0)
        return tn_err_format(&tn_exc_RuntimeError, "cannot release un-acquired lock");
    TnObject *count = tn_int_from_i64((int64_t)rlock_count(r));
    TnObject *owner = tn_int_from_i64((int64_t)rlock_owner(r));
    TnObject *res = count != NULL && owner != NULL ? tn_tuple_pack(2, count, owner) : NULL;
    tn_xdecref(count);
    tn_xdecref(owner);
    if (res == NULL)
        return NULL;
    rlock_set_count(r, 0);
    rlock_set_owner(r, 0);
    rawlock_release(&r->lock);
    return res;
}

/* _acquire_restore((count, owner)): take the lock back after Condition.wait. */
static TnObject *rlock_acquire_restore(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    if (tn_args_count("_acquire_restore", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_tuple_check(args[0]) || tn_tuple_size(args[0]) != 2 || !tn_int_check(tn_tuple_get(args[0], 0)) ||
        !tn_int_check(tn_tuple_get(args[0], 1)))
        return tn_err_format(&tn_exc_TypeError, "_acquire_restore() argument 1 must be a 2-tuple of ints");
    int overflow;
    int64_t count = tn_int_as_i64(tn_tuple_get(args[0], 0), &overflow);
    if (count == -1 && tn_err_occurred())
        return NULL;
    int64_t owner = tn_int_as_i64(tn_tuple_get(args[0], 1), &overflow);
    if (owner == -1 && tn_err_occurred())
        return NULL;
    rawlock_acquire(&r->lock, -1);
    rlock_set_owner(r, (unsigned long)owner);
    rlock_set_count(r, (unsigned long)count);
    return tn_none_ref();
}

static TnObject *rlock_recursion_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    return tn_int_from_i64(rlock_is_owned(r) ? (int64_t)rlock_count(r) : 0);
}

static TnObject *rlock_repr(TnObject *self)
{
    RLockObject *r = (RLockObject *)self;
    unsigned long owner = rlock_owner(r);
    return tn_str_from_format("<%s %s object owner=%lu count=%lu at %p>", owner ? "locked" : "unlocked",
                              tn_type_name(tn_type(self)), owner, owner ? rlock_count(r) : 0ul, (void *)self);
}

static const TnMethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, "Lock the lock; the owner may lock it again."},
    {"__enter__", rlock_acquire, 0, "Lock the lock."},
    {"release", rlock_release, 0, "Release the lock once; fully released at count 0."},
    {"__exit__", rlock_exit, 0, "Release the lock."},
    {"_is_owned", rlock_is_owned_py, 0, "For internal use by threading.Condition."},
    {"_release_save", rlock_release_save, 0, "For internal use by threading.Condition."},
    {"_acquire_restore", rlock_acquire_restore, 0, "For internal use by threading.Condition."},
    {"_recursion_count", rlock_recursion_count, 0, "For internal use by reentrancy checks."},
    {NULL, NULL, 0, NULL},
};

static TnType rlock_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_thread.RLock",
    .weaklistoffset = offsetof(RLockObject, weaklist),
    .basicsize = sizeof(RLockObject),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = rlock_dealloc,
    .repr = rlock_repr,
    .new_ = rlock_new,
    .methods = rlock_methods,
    .doc = "A reentrant lock.",
};

/* ---- threads ----------------------------------------------------------------------- */

typedef struct {
    TnInterp *interp;
    TnThreadState *ts;                /* allocated by the starter, set up by the thread */
    TnObject *func, *args, *kwargs;   /* owned */
} Bootstate;

/* "Exception ignored in thread started by: <func>" + traceback, written to
 * sys.stderr as CPython's default unraisable hook writes it; SystemExit
 * ends the thread silently. */
static void report_thread_exception(TnObject *func)
{
    if (tn_err_matches(&tn_exc_SystemExit)) {
        tn_err_clear();
        return;
    }
    TnObject *exc = tn_err_fetch();
    /* A new reference taken inside the dict's section: another thread may
     * rebind sys.stderr meanwhile (a borrowed one could be freed first). */
    TnObject *file = tn_dict_get_cstr_ref(tn_interp()->sysdict, "stderr");
    if (file == NULL || file == TN_NONE) {
        tn_xdecref(file);
        tn_decref(exc);
        return;
    }
    TnObject *r = tn_object_repr(func);
    if (r == NULL)
        tn_err_clear();
    TnObject *line = tn_str_from_format("Exception ignored in thread started by: %s\n",
                                        r != NULL ? tn_str_utf8(r, NULL) : "<object repr() failed>");
    tn_xdecref(r);
    fflush(stdout);
    TnObject *res = line != NULL ? tn_call_method_cstr(file, "write", &line, 1) : NULL;
    tn_xdecref(line);
    tn_xdecref(res);
    if (res == NULL)
        tn_err_clear();
    tn_err_display(exc, file);
    tn_decref(file);
    tn_decref(exc);
}

/* The lock that _set_sentinel() gave threading for the calling thread
 * (owned; NULL in threads that never asked).  The thread releases it once
 * it is done with Python, so Thread.join() returns only after the thread's
 * thread-local data is gone and _count() has stopped counting it, as in
 * CPython. */
static _Thread_local TnObject *thread_sentinel;

/* The end of a thread's Python life: drop its thread-local dicts (their
 * destructors still run in this thread), uncount it, wake its joiners. */
static void thread_finish_python(TnThreadState *ts)
{
    TN_CLEAR(ts->local_dicts);
    tn_atomic_add_intptr((intptr_t *)&ts->interp->threads_started, -1);
    TnObject *sentinel = thread_sentinel;
    thread_sentinel = NULL;
    if (sentinel != NULL) {
        rawlock_release(&((LockObject *)sentinel)->lock);
        tn_decref(sentinel);
    }
}

static void *thread_bootstrap(void *arg)
{
    Bootstate *boot = arg;
    TnThreadState *ts = tn_thread_state_init(boot->ts, boot->interp);
    tn_thread_attach(ts);
    TnObject *res = tn_call_tuple_dict(boot->func, boot->args, boot->kwargs);
    if (res == NULL)
        report_thread_exception(boot->func);
    tn_xdecref(res);
    tn_decref(boot->func);
    tn_decref(boot->args);
    tn_xdecref(boot->kwargs);
    tn_mem_free(boot);
    thread_finish_python(ts);
    tn_thread_state_delete_current();
    return NULL;
}

static TnObject *thread_start_new_thread(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                         TnObject *kwnames)
{
    if (tn_args_no_kw("start_new_thread", kwnames) < 0 || tn_args_count("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    if (!tn_callable_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "first arg must be callable");
    if (!tn_tuple_check(args[1]))
        return tn_err_format(&tn_exc_TypeError, "2nd arg must be a tuple");
    if (nargs == 3 && !tn_dict_check(args[2]))
        return tn_err_format(&tn_exc_TypeError, "optional 3rd arg must be a dictionary");
    TnInterp *interp = tn_interp();
    if (tn_atomic_load_u32_relaxed((uint32_t *)&interp->finalizing))
        return tn_err_format(&tn_exc_RuntimeError, "can't create new thread at interpreter shutdown");
    Bootstate *boot = tn_mem_alloc(sizeof(Bootstate));
    TnThreadState *ts = boot != NULL ? tn_thread_state_alloc() : NULL;
    if (ts == NULL) {
        tn_mem_free(boot);
        return tn_err_no_memory();
    }
    boot->interp = interp;
    boot->ts = ts;
    boot->func = tn_newref(args[0]);
    boot->args = tn_newref(args[1]);
    boot->kwargs = nargs == 3 ? tn_newref(args[2]) : NULL;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (interp->thread_stack_size != 0)
        pthread_attr_setstacksize(&attr, interp->thread_stack_size);
    tn_atomic_add_intptr((intptr_t *)&interp->threads_started, 1);
    /* Objects are about to be shared: critical sections must lock from now
     * on (threading/critical_section.c, single-thread mode). */
    tn_critical_section_enable_locking();
    pthread_t th;
    int err = pthread_create(&th, &attr, thread_bootstrap, boot);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        tn_atomic_add_intptr((intptr_t *)&interp->threads_started, -1);
        tn_decref(boot->func);
        tn_decref(boot->args);
        tn_xdecref(boot->kwargs);
        tn_mem_free(boot->ts);
        tn_mem_free(boot);
        return tn_err_format(&tn_exc_RuntimeError, "can't start new thread");
    }
    return tn_int_from_i64((int64_t)th);
}

/* _set_sentinel(): a new lock for threading's Thread._tstate_lock; the
 * calling thread releases it when it ends (see thread_finish_python). */
static TnObject *thread_set_sentinel(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("_thread._set_sentinel", nargs, 0, 0) < 0)
        return NULL;
    TnObject *lock = lock_new_object();
    if (lock == NULL)
        return NULL;
    TN_SETREF(thread_sentinel, tn_newref(lock));
    return lock;
}

static TnObject *thread_allocate_lock(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_thread.allocate_lock", kwnames) < 0 ||
        tn_args_count("_thread.allocate_lock", nargs, 0, 0) < 0)
        return NULL;
    return lock_new_object();
}

static TnObject *thread_get_ident(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("_thread.get_ident", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)current_ident());
}

static TnObject *thread_get_native_id(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("_thread.get_native_id", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64(tn_tstate()->native_id);
}

static TnObject *thread_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("_thread._count", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)tn_atomic_load_intptr_relaxed((intptr_t *)&tn_interp()->threads_started));
}

static TnObject *thread_stack_size(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"size", NULL};
    TnObject *size_arg;
    if (tn_args_no_kw("stack_size", kwnames) < 0 ||
        tn_args_parse("stack_size", args, nargs, NULL, names, 1, 0, &size_arg) < 0)
        return NULL;
    /* As in CPython, stack_size() without an argument also resets the size
     * to the default (0). */
    int64_t size = 0;
    if (size_arg != NULL) {
        TnObject *n = tn_number_index(size_arg);
        if (n == NULL)
            return NULL;
        int overflow;
        size = tn_int_as_i64(n, &overflow);
        tn_decref(n);
        if (overflow)
            return tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        if (size < 0)
            return tn_err_format(&tn_exc_ValueError, "size must be 0 or a positive value");
        if (size != 0 && size < 32768)
            return tn_err_format(&tn_exc_ValueError, "size not valid: %lld bytes", (long long)size);
    }
    TnInterp *interp = tn_interp();
    size_t old = interp->thread_stack_size;
    interp->thread_stack_size = (size_t)size;
    return tn_int_from_i64((int64_t)old);
}

static TnObject *thread_daemon_threads_allowed(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                               TnObject *kwnames)
{
    return tn_bool_from(true);
}

/* interrupt_main(signum=SIGINT): as if the signal arrived; the main thread
 * raises KeyboardInterrupt at its next check point. */
static TnObject *thread_interrupt_main(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("interrupt_main", kwnames) < 0 || tn_args_count("interrupt_main", nargs, 0, 1) < 0)
        return NULL;
    int signum = 2;
    if (nargs == 1) {
        if (!tn_int_check(args[0]))
            return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                                 tn_type_name(tn_type(args[0])));
        int overflow;
        int64_t v = tn_int_as_i64(args[0], &overflow);
        if (v == -1 && tn_err_occurred())
            return NULL;
        if (overflow || v < 1 || v > 64)
            return tn_err_format(&tn_exc_ValueError, "signal number out of range");
        signum = (int)v;
    }
    if (tn_signal_trip(tn_interp(), signum) < 0)
        return NULL;
    return tn_none_ref();
}

/* ---- threading.excepthook and ExceptHookArgs ----------------------------------- */

static TnStructSeqType excepthook_args_type;

/* _ExceptHookArgs(sequence): threading.ExceptHookArgs([type, value, tb,
 * thread]) is public API, so unlike the other struct sequences this one is
 * built from Python too (CPython's structseq_new, exactly 4 items). */
static TnObject *excepthook_args_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"sequence", "dict", NULL};
    TnObject *a[2];
    if (tn_args_parse("structseq", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    TnObject *items = tn_tuple_from_iterable(a[0]);
    if (items == NULL) {
        if (tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_set_str(&tn_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    tn_ssize_t n = tn_tuple_size(items);
    TnObject *res;
    if (n != 4) {
        res = tn_err_format(&tn_exc_TypeError, "%s() takes a 4-sequence (%ld-sequence given)",
                            ((TnStructSeqType *)type)->repr_name, (long)n);
    } else {
        TnObject *values[4] = {tn_tuple_get(items, 0), tn_tuple_get(items, 1), tn_tuple_get(items, 2),
                               tn_tuple_get(items, 3)};
        res = tn_structseq_new(&excepthook_args_type, values);
    }
    tn_decref(items);
    return res;
}

/* file.write(text) for a C string; 0 / -1. */
static int write_cstr(TnObject *file, const char *text)
{
    TnObject *s = tn_str_from_cstr(text);
    TnObject *res = s != NULL ? tn_call_method_cstr(file, "write", &s, 1) : NULL;
    tn_xdecref(s);
    if (res == NULL)
        return -1;
    tn_decref(res);
    return 0;
}

/* "Exception in thread NAME:" then the traceback, to file (CPython's
 * thread_excepthook_file): NAME is str(thread.name), or the current ident
 * when there is no thread object. */
static int excepthook_write(TnObject *file, TnObject *exc_value, TnObject *exc_tb, TnObject *thread)
{
    TnObject *name = NULL;
    if (thread != TN_NONE && tn_object_lookup_attr(thread, tn_str_intern_cstr("name"), &name) < 0)
        return -1;
    TnObject *name_str = name != NULL ? tn_object_str(name)
                                      : tn_str_from_format("%lu", current_ident());
    tn_xdecref(name);
    if (name_str == NULL)
        return -1;
    int r = write_cstr(file, "Exception in thread ");
    if (r == 0) {
        TnObject *res = tn_call_method_cstr(file, "write", &name_str, 1);
        r = res != NULL ? 0 : -1;
        tn_xdecref(res);
    }
    tn_decref(name_str);
    if (r < 0 || write_cstr(file, ":\n") < 0)
        return -1;
    if (tn_exception_check(exc_value)) {
        TnBaseException *e = (TnBaseException *)exc_value;
        if (tn_type(exc_tb) == &tn_type_traceback && tn_field_load(&e->traceback) != exc_tb)
            tn_field_replace_steal(&e->traceback, tn_newref(exc_tb));
        tn_err_display(exc_value, file);
    }
    return 0;
}

/* _excepthook(args): threading.excepthook's default report, written to
 * sys.stderr or, when that is None, to the thread's _stderr. */
static TnObject *thread_excepthook(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_thread._excepthook", kwnames) < 0 ||
        tn_args_count("_thread._excepthook", nargs, 1, 1) < 0)
        return NULL;
    TnObject *hook_args = args[0];
    if (tn_type(hook_args) != &excepthook_args_type.type)
        return tn_err_format(&tn_exc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
    TnObject *exc_type = tn_tuple_get(hook_args, 0);
    TnObject *exc_value = tn_tuple_get(hook_args, 1);
    TnObject *exc_tb = tn_tuple_get(hook_args, 2);
    TnObject *thread = tn_tuple_get(hook_args, 3);
    if (exc_type == TN_OBJ(&tn_exc_SystemExit))
        return tn_none_ref();   /* silently ignore SystemExit */
    TnObject *file = tn_dict_get_cstr_ref(tn_interp()->sysdict, "stderr");
    if (file == NULL || file == TN_NONE) {
        tn_xdecref(file);
        if (thread == TN_NONE)
            return tn_none_ref();
        file = tn_object_getattr_cstr(thread, "_stderr");
        if (file == NULL)
            return NULL;
        if (file == TN_NONE) {
            tn_decref(file);
            return tn_none_ref();
        }
    }
    fflush(stdout);
    int r = excepthook_write(file, exc_value, exc_tb, thread);
    if (r == 0) {
        TnObject *res = tn_call_method_cstr(file, "flush", NULL, 0);
        r = res != NULL ? 0 : -1;
        tn_xdecref(res);
    }
    tn_decref(file);
    return r < 0 ? NULL : tn_none_ref();
}

/* ---- _thread._local: per-thread attribute dicts ---------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *key;             /* int: unique serial, the key in each thread's local_dicts */
    TnObject *args, *kwargs;   /* arguments to re-run __init__ with in each new thread */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} LocalObject;

static TnType local_type;
static TnObject *local_dict_create(LocalObject *l);

static TnObject *local_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (type == &local_type && (nargs > 0 || (kwnames != NULL && tn_tuple_size(kwnames) > 0)))
        return tn_err_format(&tn_exc_TypeError, "Initialization arguments are not supported");
    LocalObject *l = (LocalObject *)tn_object_new(type, (size_t)type->basicsize);
    if (l == NULL)
        return NULL;
    TnInterp *interp = tn_interp();
    uint64_t serial = (uint64_t)tn_atomic_add_intptr((intptr_t *)&interp->local_serial, 1);
    l->key = tn_int_from_i64((int64_t)serial);
    l->args = tn_tuple_from_array(args, nargs);
    l->kwargs = tn_dict_new();
    if (l->key == NULL || l->args == NULL || l->kwargs == NULL) {
        tn_decref(TN_OBJ(l));
        return NULL;
    }
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    for (tn_ssize_t i = 0; i < nkw; i++) {
        if (tn_dict_set_item(l->kwargs, tn_tuple_get(kwnames, i), args[nargs + i]) < 0) {
            tn_decref(TN_OBJ(l));
            return NULL;
        }
    }
    if (local_dict_create(l) == NULL) {
        tn_decref(TN_OBJ(l));
        return NULL;
    }
    return TN_OBJ(l);
}

static void local_dealloc(TnObject *self)
{
    LocalObject *l = (LocalObject *)self;
    /* This thread's dict goes now; other threads' go when they exit. */
    TnThreadState *ts = tn_tstate();
    if (ts->local_dicts != NULL && l->key != NULL && tn_dict_del_item(ts->local_dicts, l->key) < 0)
        tn_err_clear();
    tn_xdecref(l->key);
    tn_xdecref(l->args);
    tn_xdecref(l->kwargs);
    tn_object_free(self);
}

/* The per-thread dicts belong to the threads (TnThreadState.local_dicts),
 * not to the object.  No clear: the __init__ arguments are needed in every
 * new thread, and a cycle through them passes through a mutable item. */
static int local_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    LocalObject *l = (LocalObject *)self;
    TN_VISIT(l->key);
    TN_VISIT(l->args);
    TN_VISIT(l->kwargs);
    return 0;
}

/* Make the calling thread's (empty) dict for l; borrowed, the thread's
 * local_dicts keeps it alive. */
static TnObject *local_dict_create(LocalObject *l)
{
    TnThreadState *ts = tn_tstate();
    if (ts->local_dicts == NULL && (ts->local_dicts = tn_dict_new()) == NULL)
        return NULL;
    TnObject *d = tn_dict_new();
    if (d == NULL)
        return NULL;
    int r = tn_dict_set_item(ts->local_dicts, l->key, d);
    tn_decref(d);
    return r < 0 ? NULL : d;
}

/* The calling thread's dict for l (borrowed), created on first use; a
 * subclass's __init__ runs again in every thread that first touches it.
 * The creating thread's dict is made by local_new, so __init__ runs there
 * once, from the constructor call. */
static TnObject *local_dict_borrowed(LocalObject *l)
{
    TnThreadState *ts = tn_tstate();
    TnObject *d;
    int found = ts->local_dicts != NULL ? tn_dict_get_item_ref(ts->local_dicts, l->key, &d) : 0;
    if (found < 0)
        return NULL;
    if (found > 0) {
        tn_decref(d);   /* the thread's local_dicts keeps it alive */
        return d;
    }
    d = local_dict_create(l);
    if (d == NULL)
        return NULL;
    TnObject *init = tn_type_lookup(tn_type(TN_OBJ(l)), tn_str_intern_cstr("__init__"));
    if (init != NULL && tn_type(TN_OBJ(l)) != &local_type &&
        init != tn_type_lookup(&tn_type_object, tn_str_intern_cstr("__init__"))) {
        TnObject *bound = tn_object_getattr_cstr(TN_OBJ(l), "__init__");
        TnObject *res = bound != NULL ? tn_call_tuple_dict(bound, l->args, l->kwargs) : NULL;
        tn_xdecref(bound);
        if (res == NULL) {
            TnObject *exc = tn_err_fetch();
            if (tn_dict_del_item(ts->local_dicts, l->key) < 0)
                tn_err_clear();
            tn_err_restore(exc);
            return NULL;
        }
        tn_decref(res);
    }
    return d;
}

static TnObject *local_getattro(TnObject *self, TnObject *name)
{
    TnObject *d = local_dict_borrowed((LocalObject *)self);
    if (d == NULL)
        return NULL;
    if (tn_str_eq_cstr(name, "__dict__"))
        return tn_newref(d);
    return tn_object_generic_getattr_dict(self, name, d);
}

static int local_setattro(TnObject *self, TnObject *name, TnObject *v)
{
    TnObject *d = local_dict_borrowed((LocalObject *)self);
    if (d == NULL)
        return -1;
    if (tn_str_eq_cstr(name, "__dict__")) {
        tn_err_format(&tn_exc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                      tn_type_name(tn_type(self)));
        return -1;
    }
    return tn_object_generic_setattr_dict(self, name, v, &d);
}

static TnType local_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_thread._local",
    .weaklistoffset = offsetof(LocalObject, weaklist),
    .basicsize = sizeof(LocalObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = local_dealloc,
    .traverse = local_traverse,
    .getattro = local_getattro,
    .setattro = local_setattro,
    .new_ = local_new,
    .doc = "Thread-local data",
};

/* ---- the module ---------------------------------------------------------------------- */

static const TnMethodDef thread_functions[] = {
    {"start_new_thread", thread_start_new_thread, 0, "Start a new thread and return its identifier."},
    {"start_new", thread_start_new_thread, 0, "An obsolete synonym of start_new_thread()."},
    {"allocate_lock", thread_allocate_lock, 0, "Create a new lock object."},
    {"allocate", thread_allocate_lock, 0, "An obsolete synonym of allocate_lock()."},
    {"get_ident", thread_get_ident, 0, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, 0, "Return the native integral thread ID of the current thread."},
    {"_set_sentinel", thread_set_sentinel, 0, "Return a lock that is released when this thread ends."},
    {"_count", thread_count, 0, "Return the number of currently running threads started by _thread."},
    {"stack_size", thread_stack_size, 0, "Return (and optionally set) the stack size of new threads."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, 0, "Whether daemon threads are allowed."},
    {"interrupt_main", thread_interrupt_main, 0, "Simulate the arrival of a signal in the main thread."},
    {"_excepthook", thread_excepthook, 0, "Handle an uncaught exception in a thread."},
    {NULL, NULL, 0, NULL},
};

static int add_steal(TnObject *m, const char *name, TnObject *v)
{
    if (v == NULL)
        return -1;
    int r = tn_module_add_object(m, name, v);
    tn_decref(v);
    return r;
}

TnObject *tn_thread_module_create(void)
{
    static const char *const hook_fields[] = {"exc_type", "exc_value", "exc_traceback", "thread", NULL};
    if (tn_type_ready(&lock_type) < 0 || tn_type_ready(&rlock_type) < 0 || tn_type_ready(&local_type) < 0)
        return NULL;
    if (excepthook_args_type.type.name == NULL &&
        tn_structseq_init_type(&excepthook_args_type, "_thread", "_ExceptHookArgs", "_thread._ExceptHookArgs",
                               hook_fields) < 0)
        return NULL;
    excepthook_args_type.type.new_ = excepthook_args_new;
    TnObject *m = tn_module_new("_thread");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, thread_functions) < 0 ||
        tn_module_add_object(m, "LockType", TN_OBJ(&lock_type)) < 0 ||
        tn_module_add_object(m, "lock", TN_OBJ(&lock_type)) < 0 ||
        tn_module_add_object(m, "RLock", TN_OBJ(&rlock_type)) < 0 ||
        tn_module_add_object(m, "_local", TN_OBJ(&local_type)) < 0 ||
        tn_module_add_object(m, "_ExceptHookArgs", TN_OBJ(&excepthook_args_type.type)) < 0 ||
        tn_module_add_object(m, "error", TN_OBJ(&tn_exc_RuntimeError)) < 0 ||
        add_steal(m, "TIMEOUT_MAX", tn_float_from_double(TN_TIMEOUT_MAX_S)) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
