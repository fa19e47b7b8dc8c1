/* threading/critical_section.h — per-object critical sections.
 *
 * TN_BEGIN_CRITICAL_SECTION(op) ... TN_END_CRITICAL_SECTION() brackets every
 * operation on a builtin container; TN_BEGIN_CRITICAL_SECTION2(a, b) ...
 * TN_END_CRITICAL_SECTION2() brackets one that needs two (list.extend(other),
 * dict.update(other)).  In the gil flavour they are bare braces: the GIL
 * already serialises bytecode-level operations.  In the ft flavour they lock
 * the object's one-byte `mutex` header field as a TnMutex (mutex.h).
 *
 * Never `return` or `goto` out of the bracket: put the logic in a function
 * named ..._lock_held and call it inside.  A `_lock_held` function may assume
 * its object's section is held (tn_critical_section_assert_held checks it in
 * TN_DEBUG builds) and must not call anything that ends it.
 *
 * The rules (ft), CPython's (shared/design/FREE_THREADING.md B.8):
 *  - A section is pushed on the thread's stack of sections
 *    (TnCriticalSectionState, a tagged pointer to the top TnCriticalSection,
 *    which lives on the C stack of the code that opened it).
 *  - Nesting does not release the outer section: while nothing blocks, the
 *    outer objects stay locked and nested operations stay atomic with them.
 *  - Blocking releases everything: whenever the thread would sleep (parking
 *    on a contended TnMutex with TN_LOCK_DETACH, which every section lock
 *    and tn_mutex_lock use, and when the thread state detaches for blocking
 *    I/O) tn_critical_section_suspend_all() unlocks every section's mutex and
 *    marks them inactive.  After the sleep tn_critical_section_resume()
 *    re-locks only the top section; an outer one is re-locked when the
 *    section above it ends.
 *  - So a thread never waits for a lock while holding one, except inside a
 *    two-object section, which locks its two mutexes in address order (the
 *    same object twice locks once).  No cycle of waiters can form: thread 1
 *    in A's section wanting B while thread 2 in B's section wants A is
 *    resolved by whichever parks first letting go of its object.
 *  - The price: an outer section is atomic only until something inside it
 *    blocks.  That is the guarantee the GIL gave too (it is released inside
 *    nested calls); nesting two single sections is NOT the same as a
 *    two-object section.
 *  - Re-entering the object of the top section (a list method calling back
 *    into the same list) locks nothing.  Re-entering an object locked by an
 *    outer section suspends the sections first instead of deadlocking.
 *
 * Thread state: the stack's root is a TnCriticalSectionState meant to live
 * in TnThreadState.  Until the thread state embeds one and calls
 * tn_critical_section_bind_state, each thread uses a _Thread_local fallback
 * in critical_section.c.
 */
#ifndef TN_CRITICAL_SECTION_H
#define TN_CRITICAL_SECTION_H

#include <stdbool.h>
#include <stdint.h>
#include "core/config.h"

struct TnObject;
struct TnMutex;

/* The root of a thread's section stack: the top section's address, tagged
 * with TN_CS_INACTIVE (suspended) and TN_CS_TWO_MUTEXES.  0 = empty.  Present
 * in both flavours so thread states have one layout. */
typedef struct TnCriticalSectionState {
    uintptr_t top;
} TnCriticalSectionState;

#define TN_CS_INACTIVE ((uintptr_t)0x1)
#define TN_CS_TWO_MUTEXES ((uintptr_t)0x2)
/* A tracked section (gil flavour, debug builds): it records the object it
 * stands for, as the key in `mutex`, and locks nothing. */
#define TN_CS_TRACK_ONLY ((uintptr_t)0x4)
#define TN_CS_TAG_MASK ((uintptr_t)0x7)

/* One section, on the C stack of the code that opened it.  mutex is NULL
 * while it is being acquired, and for the no-op re-entry of the top section. */
typedef struct TnCriticalSection {
    uintptr_t prev;            /* tagged, like TnCriticalSectionState.top */
    struct TnMutex *mutex;
} TnCriticalSection;

typedef struct TnCriticalSection2 {
    TnCriticalSection base;    /* base.mutex is the lower address */
    struct TnMutex *mutex2;
} TnCriticalSection2;

/* Make st the calling thread's section stack (NULL: back to the fallback).
 * Only while the thread has no open section. */
void tn_critical_section_bind_state(TnCriticalSectionState *st);
/* Release the mutexes of all active sections of the calling thread and mark
 * them inactive (call when detaching before blocking). */
void tn_critical_section_suspend_all(void);
/* Re-lock the top section if it is suspended (call when attaching). */
void tn_critical_section_resume(void);
/* Leave single-thread mode (see critical_section.c): from now on sections
 * lock their mutexes.  Call from the only thread, before it creates a second
 * thread that may touch objects (thread.c's start_new_thread, test
 * harnesses).  Idempotent. */
void tn_critical_section_enable_locking(void);
/* Whether sections lock (false in single-thread mode, always in gil's
 * terms irrelevant: the gil flavour's sections are bare braces). */
bool tn_critical_section_locking_enabled(void);
/* Depth of the calling thread's section stack (for tests). */
int tn_critical_section_depth(void);

/* Sections on bare TnMutexes: the machinery under the macros, available in
 * both flavours (the gil flavour's macros just do not use it). */
void tn_critical_section_begin_mutex(TnCriticalSection *c, struct TnMutex *m);
void tn_critical_section_end(TnCriticalSection *c);
void tn_critical_section2_begin_mutex(TnCriticalSection2 *c, struct TnMutex *m1, struct TnMutex *m2);
void tn_critical_section2_end(TnCriticalSection2 *c);
/* Tracked sections: pushed and popped like the others, holding no lock
 * (what the gil flavour's debug builds use, see below). */
void tn_critical_section_track_begin(TnCriticalSection *c, const void *op);
void tn_critical_section_track_end(TnCriticalSection *c);
void tn_critical_section2_track_begin(TnCriticalSection2 *c, const void *a, const void *b);
void tn_critical_section2_track_end(TnCriticalSection2 *c);

/* Nested sections in one function declare the same name in nested blocks;
 * that shadowing is intended (END refers to the innermost BEGIN), so
 * -Wshadow is silenced for the declaration only. */
#define TN_CS_DECLARE_(type, name) \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") \
    type name; \
    _Pragma("GCC diagnostic pop")

#if TN_FREE_THREADED

#include "core/object.h"
#include "threading/atomic.h"

/* Sections on objects: lock the header's `mutex` byte. */
void tn_critical_section_begin(TnCriticalSection *c, struct TnObject *op);
void tn_critical_section2_begin(TnCriticalSection2 *c, struct TnObject *a, struct TnObject *b);

/* Single-thread mode's fast paths, inline because they run for every
 * container operation: the outermost section of a thread only pushes and
 * pops itself (critical_section.c explains the mode).  Everything else goes
 * to the functions above.  The names with a trailing _ are private to this
 * header and critical_section.c. */
extern uint32_t tn_cs_locking_enabled_;
extern _Thread_local TnCriticalSectionState tn_cs_fallback_state_;
extern _Thread_local TnCriticalSectionState *tn_cs_bound_state_;

static inline TnCriticalSectionState *tn_cs_state_(void)
{
    TnCriticalSectionState *st = tn_cs_bound_state_;
    return st != NULL ? st : &tn_cs_fallback_state_;
}

static inline void tn_critical_section_begin_fast_(TnCriticalSection *c, struct TnObject *op)
{
    if (tn_atomic_load_u32_relaxed(&tn_cs_locking_enabled_) == 0) {
        TnCriticalSectionState *st = tn_cs_state_();
        if (st->top == 0) {
            c->mutex = (struct TnMutex *)&op->mutex;
            c->prev = 0;
            st->top = (uintptr_t)c;
            return;
        }
    }
    tn_critical_section_begin(c, op);
}

static inline void tn_critical_section_end_fast_(TnCriticalSection *c)
{
    if (c->prev == 0 && c->mutex != NULL && tn_atomic_load_u32_relaxed(&tn_cs_locking_enabled_) == 0) {
        TnCriticalSectionState *st = tn_cs_state_();
        if (st->top == (uintptr_t)c) {
            st->top = 0;
            return;
        }
    }
    tn_critical_section_end(c);
}

#define TN_BEGIN_CRITICAL_SECTION(op) \
    { TN_CS_DECLARE_(TnCriticalSection, tn_cs_) tn_critical_section_begin_fast_(&tn_cs_, (struct TnObject *)(op));
#define TN_END_CRITICAL_SECTION() \
    tn_critical_section_end_fast_(&tn_cs_); }
#define TN_BEGIN_CRITICAL_SECTION2(a, b) \
    { TN_CS_DECLARE_(TnCriticalSection2, tn_cs2_) \
      tn_critical_section2_begin(&tn_cs2_, (struct TnObject *)(a), (struct TnObject *)(b));
#define TN_END_CRITICAL_SECTION2() \
    tn_critical_section2_end(&tn_cs2_); }

#elif TN_DEBUG /* gil, debug builds */

/* The GIL serialises, so a section locks nothing; but it is recorded on the
 * thread's section stack (TN_CS_TRACK_ONLY), so that the _lock_held asserts
 * and the rule "never leave a section early" are checked in this flavour
 * too (STYLE.md: check lock discipline in the GIL build). */

#define TN_BEGIN_CRITICAL_SECTION(op) \
    { TN_CS_DECLARE_(TnCriticalSection, tn_cs_) tn_critical_section_track_begin(&tn_cs_, (const void *)(op));
#define TN_END_CRITICAL_SECTION() \
    tn_critical_section_track_end(&tn_cs_); }
#define TN_BEGIN_CRITICAL_SECTION2(a, b) \
    { TN_CS_DECLARE_(TnCriticalSection2, tn_cs2_) \
      tn_critical_section2_track_begin(&tn_cs2_, (const void *)(a), (const void *)(b));
#define TN_END_CRITICAL_SECTION2() \
    tn_critical_section2_track_end(&tn_cs2_); }

#else /* gil */

#define TN_BEGIN_CRITICAL_SECTION(op) {
#define TN_END_CRITICAL_SECTION() }
#define TN_BEGIN_CRITICAL_SECTION2(a, b) {
#define TN_END_CRITICAL_SECTION2() }

#endif

/* Abort unless the calling thread holds op's section (an active section on
 * its stack stands for op).  Checks only in TN_DEBUG builds, both flavours. */
#if TN_DEBUG
void tn_critical_section_assert_held_at(const void *op, const char *file, int line, const char *func);
#define tn_critical_section_assert_held(op) \
    tn_critical_section_assert_held_at((op), __FILE__, __LINE__, __func__)
#else
static inline void tn_critical_section_assert_held(const void *op) { (void)op; }
#endif

#endif /* TN_CRITICAL_SECTION_H */
