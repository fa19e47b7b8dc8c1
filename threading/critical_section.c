/* threading/critical_section.c — the section stack (see critical_section.h).
 *
 * Where the stack lives: TnCriticalSectionState is meant to be a field of
 * TnThreadState.  Until the thread-state code embeds one and calls
 * tn_critical_section_bind_state (at thread start, before any section), each
 * thread uses tn_cs_fallback_state_ below, a _Thread_local.  The pointer
 * tn_cs_bound_state_ is NULL until bound, so no lazy initialisation is needed.
 *
 * Invariants:
 *  - the active sections form a run at the top of the stack: suspend_all
 *    deactivates from the top down to the first inactive one, resume
 *    re-activates the top only, and pop re-activates the new top;
 *  - a section's mutex fields are NULL while it is being acquired (so a
 *    suspension during the acquisition does not unlock what is not held)
 *    and hold what to re-lock while it is suspended;
 *  - a thread runs code with its top section active: every path that
 *    deactivates it (parking in mutex.c, detaching) re-activates it before
 *    returning to the code inside the section.
 *
 * Single-thread mode.  Until a second thread can exist, nothing can contend
 * for a section, so the sections keep their whole state machine (stack,
 * re-entry, suspension) but skip the mutex operations: two locked
 * read-modify-writes per container operation were a third of the run time
 * of attribute-heavy single-thread programs (perf on bench/raytrace.py).
 * tn_critical_section_enable_locking() ends the mode for good; it is called
 * by the only thread, before it creates the second one (thread.c, the C
 * stress harness), and first locks every active section on its own stack,
 * so from then on the state is exactly what locking from the start would
 * have produced.  The mode is a process-wide flag that only goes from 0 to
 * 1, written before pthread_create (which orders it for the new thread).
 * TANDEM_ALWAYS_LOCK=1 in the environment (read by tn_runtime_init) turns
 * locking on from the start, to measure what the mode saves.
 */
#include "threading/critical_section.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/object.h"
#include "threading/mutex.h"

#include "threading/atomic.h"

uint32_t tn_cs_locking_enabled_;   /* 0: single-thread mode; only goes 0 -> 1 */

static inline bool cs_locking(void)
{
    return tn_atomic_load_u32_relaxed(&tn_cs_locking_enabled_) != 0;
}

_Thread_local TnCriticalSectionState tn_cs_fallback_state_;
_Thread_local TnCriticalSectionState *tn_cs_bound_state_;

static inline TnCriticalSectionState *cs_state(void)
{
    TnCriticalSectionState *st = tn_cs_bound_state_;
    return st != NULL ? st : &tn_cs_fallback_state_;
}

static inline TnCriticalSection *untag(uintptr_t tag)
{
    return (TnCriticalSection *)(tag & ~TN_CS_TAG_MASK);
}

static inline bool tag_is_active(uintptr_t tag)
{
    return tag != 0 && !(tag & TN_CS_INACTIVE);
}

static inline bool tag_is_tracked(uintptr_t tag)
{
    return (tag & TN_CS_TRACK_ONLY) != 0;
}

static inline TnMutex *second_mutex(uintptr_t tag)
{
    return (tag & TN_CS_TWO_MUTEXES) ? ((TnCriticalSection2 *)untag(tag))->mutex2 : NULL;
}

static void cs_fatal(const char *what)
{
    fprintf(stderr, "Fatal: critical section: %s\n", what);
    abort();
}

_Static_assert(_Alignof(TnCriticalSection) >= 8, "sections need three free tag bits");

void tn_critical_section_bind_state(TnCriticalSectionState *st)
{
    if (cs_state()->top != 0)
        cs_fatal("bind_state with open sections");
    tn_cs_bound_state_ = st;
}

int tn_critical_section_depth(void)
{
    int n = 0;
    for (uintptr_t tag = cs_state()->top; tag != 0; tag = untag(tag)->prev)
        n++;
    return n;
}

/* Does an active section of this thread (from `tag` down) hold m? */
static bool held_by_active_section(uintptr_t tag, const TnMutex *m)
{
    for (; tag_is_active(tag); tag = untag(tag)->prev) {
        if (untag(tag)->mutex == m || second_mutex(tag) == m)
            return true;
    }
    return false;
}

void tn_critical_section_suspend_all(void)
{
    uintptr_t *tagp = &cs_state()->top;
    while (tag_is_active(*tagp)) {
        TnCriticalSection *c = untag(*tagp);
        if (c->mutex != NULL && cs_locking() && !tag_is_tracked(*tagp)) {
            TnMutex *m2 = second_mutex(*tagp);
            if (m2 != NULL)
                tn_mutex_unlock(m2);
            tn_mutex_unlock(c->mutex);
        }
        *tagp |= TN_CS_INACTIVE;
        tagp = &c->prev;
    }
}

void tn_critical_section_resume(void)
{
    TnCriticalSectionState *st = cs_state();
    uintptr_t tag = st->top;
    if (tag == 0 || !(tag & TN_CS_INACTIVE))
        return;
    if (tag_is_tracked(tag)) {
        st->top = tag & ~TN_CS_INACTIVE;   /* nothing to re-lock */
        return;
    }
    /* Empty the fields while locking: if the lock parks, the nested
     * suspend/resume must neither unlock nor re-lock them. */
    TnCriticalSection *c = untag(tag);
    TnMutex *m1 = c->mutex;
    TnMutex *m2 = second_mutex(tag);
    c->mutex = NULL;
    if (tag & TN_CS_TWO_MUTEXES)
        ((TnCriticalSection2 *)c)->mutex2 = NULL;
    if (m1 != NULL && cs_locking())
        tn_mutex_lock(m1);
    if (m2 != NULL && cs_locking())
        tn_mutex_lock(m2);
    c->mutex = m1;
    if (tag & TN_CS_TWO_MUTEXES)
        ((TnCriticalSection2 *)c)->mutex2 = m2;
    st->top = tag & ~TN_CS_INACTIVE;
}

/* Make c's predecessor the top again, re-locking it if it was suspended. */
static void pop(TnCriticalSectionState *st, uintptr_t prev)
{
    st->top = prev;
    if (prev & TN_CS_INACTIVE)
        tn_critical_section_resume();
}

/* ---- single sections ----------------------------------------------------------- */

static void begin_slow(TnCriticalSectionState *st, TnCriticalSection *c, TnMutex *m)
{
    uintptr_t top = st->top;
    if (tag_is_active(top) && (untag(top)->mutex == m || second_mutex(top) == m)) {
        c->mutex = NULL;   /* re-entry of the top section: nothing to do */
        c->prev = 0;
        return;
    }
    c->mutex = NULL;
    c->prev = top;
    st->top = (uintptr_t)c;
    /* Locked by one of our own outer sections: waiting would wait for
     * ourselves, so let go of everything first (a blocking operation would
     * do that anyway; this only skips the pointless spinning). */
    if (held_by_active_section(top, m))
        tn_critical_section_suspend_all();
    tn_mutex_lock(m);
    c->mutex = m;
    st->top = (uintptr_t)c;
}

/* Single-thread mode: the transitions of begin_slow without the mutex. */
static void begin_unlocked(TnCriticalSectionState *st, TnCriticalSection *c, TnMutex *m)
{
    uintptr_t top = st->top;
    if (tag_is_active(top) && (untag(top)->mutex == m || second_mutex(top) == m)) {
        c->mutex = NULL;
        c->prev = 0;
        return;
    }
    if (held_by_active_section(top, m))
        tn_critical_section_suspend_all();
    c->mutex = m;
    c->prev = st->top;
    st->top = (uintptr_t)c;
}

static inline void begin_mutex(TnCriticalSection *c, TnMutex *m)
{
    TnCriticalSectionState *st = cs_state();
    if (!cs_locking()) {
        begin_unlocked(st, c, m);
        return;
    }
    if (tn_mutex_trylock(m)) {
        c->mutex = m;
        c->prev = st->top;
        st->top = (uintptr_t)c;
        return;
    }
    begin_slow(st, c, m);
}

void tn_critical_section_begin_mutex(TnCriticalSection *c, TnMutex *m)
{
    begin_mutex(c, m);
}

void tn_critical_section_end(TnCriticalSection *c)
{
    if (c->mutex == NULL)
        return;   /* the no-op re-entry */
    TnCriticalSectionState *st = cs_state();
    if (TN_DEBUG && st->top != (uintptr_t)c)
        cs_fatal("end of a section that is not the active top one");
    if (cs_locking())
        tn_mutex_unlock(c->mutex);
    pop(st, c->prev);
}

/* ---- two-mutex sections --------------------------------------------------------- */

static void begin2_slow(TnCriticalSectionState *st, TnCriticalSection2 *c, TnMutex *m1, TnMutex *m2,
                        bool m1_locked)
{
    uintptr_t top = st->top;
    c->base.mutex = NULL;
    c->mutex2 = NULL;
    c->base.prev = top;
    st->top = (uintptr_t)c | TN_CS_TWO_MUTEXES;
    if (held_by_active_section(top, m1) || held_by_active_section(top, m2))
        tn_critical_section_suspend_all();
    /* While waiting for m2 we may hold m1 (not yet recorded, so a suspension
     * keeps it): safe, because every two-mutex section locks in address
     * order and no other section lock is held while waiting. */
    if (!m1_locked)
        tn_mutex_lock(m1);
    tn_mutex_lock(m2);
    c->base.mutex = m1;
    c->mutex2 = m2;
    st->top = (uintptr_t)c | TN_CS_TWO_MUTEXES;
}

/* Single-thread mode: begin2_slow's transitions without the mutexes. */
static void begin2_unlocked(TnCriticalSectionState *st, TnCriticalSection2 *c, TnMutex *m1, TnMutex *m2)
{
    uintptr_t top = st->top;
    if (held_by_active_section(top, m1) || held_by_active_section(top, m2))
        tn_critical_section_suspend_all();
    c->base.mutex = m1;
    c->mutex2 = m2;
    c->base.prev = st->top;
    st->top = (uintptr_t)c | TN_CS_TWO_MUTEXES;
}

void tn_critical_section2_begin_mutex(TnCriticalSection2 *c, TnMutex *m1, TnMutex *m2)
{
    if (m1 == m2) {
        c->mutex2 = NULL;
        begin_mutex(&c->base, m1);
        return;
    }
    if ((uintptr_t)m2 < (uintptr_t)m1) {
        TnMutex *t = m1;
        m1 = m2;
        m2 = t;
    }
    TnCriticalSectionState *st = cs_state();
    if (!cs_locking()) {
        begin2_unlocked(st, c, m1, m2);
        return;
    }
    if (tn_mutex_trylock(m1)) {
        if (tn_mutex_trylock(m2)) {
            c->base.mutex = m1;
            c->mutex2 = m2;
            c->base.prev = st->top;
            st->top = (uintptr_t)c | TN_CS_TWO_MUTEXES;
            return;
        }
        begin2_slow(st, c, m1, m2, true);
        return;
    }
    begin2_slow(st, c, m1, m2, false);
}

void tn_critical_section2_end(TnCriticalSection2 *c)
{
    if (c->mutex2 == NULL) {
        /* Both objects were the same: it was opened as a single section. */
        tn_critical_section_end(&c->base);
        return;
    }
    TnCriticalSectionState *st = cs_state();
    if (TN_DEBUG && st->top != ((uintptr_t)c | TN_CS_TWO_MUTEXES))
        cs_fatal("end of a section that is not the active top one");
    if (cs_locking()) {
        tn_mutex_unlock(c->mutex2);
        tn_mutex_unlock(c->base.mutex);
    }
    pop(st, c->base.prev);
}

/* ---- leaving single-thread mode --------------------------------------------------- */

void tn_critical_section_enable_locking(void)
{
    if (cs_locking())
        return;
    /* Only this thread exists: lock what its active sections stand for
     * (the active run at the top of the stack; suspended ones hold nothing),
     * then publish the mode.  Nobody else can hold these mutexes. */
    for (uintptr_t tag = cs_state()->top; tag_is_active(tag); tag = untag(tag)->prev) {
        TnCriticalSection *c = untag(tag);
        if (tag_is_tracked(tag))
            continue;   /* a gil debug record: its key is an object, not a mutex */
        if (c->mutex != NULL)
            tn_mutex_lock(c->mutex);
        TnMutex *m2 = second_mutex(tag);
        if (m2 != NULL)
            tn_mutex_lock(m2);
    }
    tn_atomic_store_u32_release(&tn_cs_locking_enabled_, 1);
}

bool tn_critical_section_locking_enabled(void)
{
    return cs_locking();
}

/* ---- tracked sections (gil, debug) ---------------------------------------------- */

/* The object's address is the record's key; it is never locked. */
void tn_critical_section_track_begin(TnCriticalSection *c, const void *op)
{
    TnCriticalSectionState *st = cs_state();
    uintptr_t top = st->top;
    if (tag_is_active(top) && tag_is_tracked(top)
        && (untag(top)->mutex == (const TnMutex *)op || second_mutex(top) == (const TnMutex *)op)) {
        c->mutex = NULL;   /* re-entry of the top section: a no-op, as in ft */
        c->prev = 0;
        return;
    }
    c->mutex = (TnMutex *)(uintptr_t)op;
    c->prev = top;
    st->top = (uintptr_t)c | TN_CS_TRACK_ONLY;
}

void tn_critical_section_track_end(TnCriticalSection *c)
{
    if (c->mutex == NULL)
        return;   /* the no-op re-entry */
    TnCriticalSectionState *st = cs_state();
    if (st->top != ((uintptr_t)c | TN_CS_TRACK_ONLY))
        cs_fatal("end of a section that is not the active top one (an early exit from a section?)");
    pop(st, c->prev);
}

void tn_critical_section2_track_begin(TnCriticalSection2 *c, const void *a, const void *b)
{
    TnCriticalSectionState *st = cs_state();
    c->base.mutex = (TnMutex *)(uintptr_t)a;
    c->mutex2 = (TnMutex *)(uintptr_t)b;
    c->base.prev = st->top;
    st->top = (uintptr_t)c | TN_CS_TWO_MUTEXES | TN_CS_TRACK_ONLY;
}

void tn_critical_section2_track_end(TnCriticalSection2 *c)
{
    TnCriticalSectionState *st = cs_state();
    if (st->top != ((uintptr_t)c | TN_CS_TWO_MUTEXES | TN_CS_TRACK_ONLY))
        cs_fatal("end of a section that is not the active top one (an early exit from a section?)");
    pop(st, c->base.prev);
}

/* ---- sections on objects (ft) ---------------------------------------------------- */

#if TN_FREE_THREADED

_Static_assert(sizeof(TnMutex) == sizeof(((TnObject *)0)->mutex), "the header's mutex byte is a TnMutex");

static inline TnMutex *object_mutex(TnObject *op)
{
    return (TnMutex *)&op->mutex;
}

void tn_critical_section_begin(TnCriticalSection *c, TnObject *op)
{
    begin_mutex(c, object_mutex(op));
}

void tn_critical_section2_begin(TnCriticalSection2 *c, TnObject *a, TnObject *b)
{
    tn_critical_section2_begin_mutex(c, object_mutex(a), object_mutex(b));
}

#endif /* TN_FREE_THREADED */

#if TN_DEBUG
/* The key a section on op records: its mutex (ft), or op itself (gil). */
static const TnMutex *section_key(const void *op)
{
#if TN_FREE_THREADED
    return object_mutex((TnObject *)(uintptr_t)op);
#else
    return (const TnMutex *)op;
#endif
}

void tn_critical_section_assert_held_at(const void *op, const char *file, int line, const char *func)
{
    if (!held_by_active_section(cs_state()->top, section_key(op))) {
        fprintf(stderr, "Fatal: critical section: %s() ran without its object's section\n  at %s:%d\n",
                func, file, line);
        abort();
    }
}
#endif
