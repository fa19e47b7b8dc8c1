/* threading/atomic.h — the always-atomic operations Tandem uses.
 *
 * Two backends with one vocabulary:
 *  - ConcurrencyKit's ck_pr (default): the project's concurrency library.
 *  - C11-style __atomic builtins (TN_ATOMICS_C11=1, chosen for the ft-tsan
 *    preset): ThreadSanitizer instruments these, while ck_pr's inline-asm and
 *    volatile accesses are invisible to it and would give false reports.
 *
 * Orders: _relaxed, _acquire, _release and the default sequentially
 * consistent form.  On x86-64 ck_pr's RMW ops are full barriers, which is at
 * least as strong as every order named here.  Code that only needs atomicity
 * in the ft flavour uses FT_ATOMIC_* from ft_atomic.h instead.
 */
#ifndef TN_ATOMIC_H
#define TN_ATOMIC_H

#include <stdbool.h>
#include <stdint.h>
#include "core/config.h"

#if TN_ATOMICS_C11

static inline intptr_t tn_atomic_load_intptr_relaxed(const intptr_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
static inline intptr_t tn_atomic_load_intptr(const intptr_t *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static inline void tn_atomic_store_intptr(intptr_t *p, intptr_t v) { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }
static inline void tn_atomic_store_intptr_relaxed(intptr_t *p, intptr_t v) { __atomic_store_n(p, v, __ATOMIC_RELAXED); }
static inline intptr_t tn_atomic_add_intptr(intptr_t *p, intptr_t v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
static inline uint32_t tn_atomic_load_u32_relaxed(const uint32_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
static inline void tn_atomic_store_u32_relaxed(uint32_t *p, uint32_t v) { __atomic_store_n(p, v, __ATOMIC_RELAXED); }
static inline uint32_t tn_atomic_add_u32(uint32_t *p, uint32_t v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
static inline void *tn_atomic_load_ptr(void *const *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static inline void *tn_atomic_load_ptr_acquire(void *const *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void tn_atomic_store_ptr_release(void **p, void *v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static inline bool tn_atomic_cas_ptr(void **p, void *expected, void *desired)
{
    return __atomic_compare_exchange_n(p, &expected, desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline uint8_t tn_atomic_load_u8(const uint8_t *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static inline void tn_atomic_store_u8(uint8_t *p, uint8_t v) { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }
static inline bool tn_atomic_cas_u8(uint8_t *p, uint8_t expected, uint8_t desired)
{
    return __atomic_compare_exchange_n(p, &expected, desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline bool tn_atomic_cas_u32(uint32_t *p, uint32_t expected, uint32_t desired)
{
    return __atomic_compare_exchange_n(p, &expected, desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline void tn_atomic_fence(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
static inline uint32_t tn_atomic_or_u32(uint32_t *p, uint32_t v) { return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }
static inline uint32_t tn_atomic_and_u32(uint32_t *p, uint32_t v) { return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST); }
static inline intptr_t tn_atomic_load_intptr_acquire(const intptr_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
/* Strong compare-and-swap; on failure *expected receives the current value. */
static inline bool tn_atomic_cas_intptr(intptr_t *p, intptr_t *expected, intptr_t desired)
{
    return __atomic_compare_exchange_n(p, expected, desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
static inline uintptr_t tn_atomic_load_uintptr_relaxed(const uintptr_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
static inline void tn_atomic_store_uintptr_relaxed(uintptr_t *p, uintptr_t v) { __atomic_store_n(p, v, __ATOMIC_RELAXED); }
static inline uint32_t tn_atomic_load_u32_acquire(const uint32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void tn_atomic_store_u32_release(uint32_t *p, uint32_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static inline void tn_atomic_store_intptr_release(intptr_t *p, intptr_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static inline void *tn_atomic_exchange_ptr(void **p, void *v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
/* Bitmap words (alloc/obj_ft.c's remote-free bits). */
static inline void tn_atomic_or_u64(uint64_t *p, uint64_t v) { (void)__atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }
static inline uint64_t tn_atomic_exchange_u64(uint64_t *p, uint64_t v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
static inline uint64_t tn_atomic_load_u64_relaxed(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }

#else /* ConcurrencyKit */

#include <ck_pr.h>

/* ck_pr has no intptr_t flavour; intptr_t and uint64_t have the same size
 * and representation on every 64-bit target we build for. */
_Static_assert(sizeof(intptr_t) == sizeof(uint64_t), "64-bit targets only");

static inline intptr_t tn_atomic_load_intptr_relaxed(const intptr_t *p) { return (intptr_t)ck_pr_load_64((const uint64_t *)p); }
static inline intptr_t tn_atomic_load_intptr(const intptr_t *p)
{
    intptr_t v = (intptr_t)ck_pr_load_64((const uint64_t *)p);
    ck_pr_fence_load();
    return v;
}
static inline void tn_atomic_store_intptr(intptr_t *p, intptr_t v)
{
    ck_pr_fence_store();
    ck_pr_store_64((uint64_t *)p, (uint64_t)v);
    ck_pr_fence_memory();
}
static inline void tn_atomic_store_intptr_relaxed(intptr_t *p, intptr_t v) { ck_pr_store_64((uint64_t *)p, (uint64_t)v); }
static inline intptr_t tn_atomic_add_intptr(intptr_t *p, intptr_t v) { return (intptr_t)ck_pr_faa_64((uint64_t *)p, (uint64_t)v); }
static inline uint32_t tn_atomic_load_u32_relaxed(const uint32_t *p) { return ck_pr_load_32(p); }
static inline void tn_atomic_store_u32_relaxed(uint32_t *p, uint32_t v) { ck_pr_store_32(p, v); }
static inline uint32_t tn_atomic_add_u32(uint32_t *p, uint32_t v) { return ck_pr_faa_32(p, v); }
static inline void *tn_atomic_load_ptr(void *const *p)
{
    void *v = ck_pr_load_ptr(p);
    ck_pr_fence_load();
    return v;
}
static inline void *tn_atomic_load_ptr_acquire(void *const *p)
{
    void *v = ck_pr_load_ptr(p);
    ck_pr_fence_acquire();
    return v;
}
static inline void tn_atomic_store_ptr_release(void **p, void *v)
{
    ck_pr_fence_release();
    ck_pr_store_ptr(p, v);
}
static inline bool tn_atomic_cas_ptr(void **p, void *expected, void *desired) { return ck_pr_cas_ptr(p, expected, desired); }
static inline uint8_t tn_atomic_load_u8(const uint8_t *p)
{
    uint8_t v = ck_pr_load_8(p);
    ck_pr_fence_load();
    return v;
}
static inline void tn_atomic_store_u8(uint8_t *p, uint8_t v)
{
    ck_pr_fence_store();
    ck_pr_store_8(p, v);
    ck_pr_fence_memory();
}
static inline bool tn_atomic_cas_u8(uint8_t *p, uint8_t expected, uint8_t desired) { return ck_pr_cas_8(p, expected, desired); }
static inline bool tn_atomic_cas_u32(uint32_t *p, uint32_t expected, uint32_t desired) { return ck_pr_cas_32(p, expected, desired); }
static inline void tn_atomic_fence(void) { ck_pr_fence_memory(); }
/* ck_pr_or_32 / ck_pr_and_32 return nothing; the fetch forms are CAS loops. */
static inline uint32_t tn_atomic_or_u32(uint32_t *p, uint32_t v)
{
    uint32_t old = ck_pr_load_32(p);
    while (!ck_pr_cas_32_value(p, old, old | v, &old))
        ;
    return old;
}
static inline uint32_t tn_atomic_and_u32(uint32_t *p, uint32_t v)
{
    uint32_t old = ck_pr_load_32(p);
    while (!ck_pr_cas_32_value(p, old, old & v, &old))
        ;
    return old;
}
static inline intptr_t tn_atomic_load_intptr_acquire(const intptr_t *p)
{
    intptr_t v = (intptr_t)ck_pr_load_64((const uint64_t *)p);
    ck_pr_fence_acquire();
    return v;
}
/* Strong compare-and-swap; on failure *expected receives the current value. */
static inline bool tn_atomic_cas_intptr(intptr_t *p, intptr_t *expected, intptr_t desired)
{
    return ck_pr_cas_64_value((uint64_t *)p, (uint64_t)*expected, (uint64_t)desired, (uint64_t *)expected);
}
static inline uintptr_t tn_atomic_load_uintptr_relaxed(const uintptr_t *p) { return (uintptr_t)ck_pr_load_64((const uint64_t *)p); }
static inline void tn_atomic_store_uintptr_relaxed(uintptr_t *p, uintptr_t v) { ck_pr_store_64((uint64_t *)p, (uint64_t)v); }
static inline uint32_t tn_atomic_load_u32_acquire(const uint32_t *p)
{
    uint32_t v = ck_pr_load_32(p);
    ck_pr_fence_acquire();
    return v;
}
static inline void tn_atomic_store_u32_release(uint32_t *p, uint32_t v)
{
    ck_pr_fence_release();
    ck_pr_store_32(p, v);
}
static inline void tn_atomic_store_intptr_release(intptr_t *p, intptr_t v)
{
    ck_pr_fence_release();
    ck_pr_store_64((uint64_t *)p, (uint64_t)v);
}
/* ck_pr_fas_ptr is an xchg: a full barrier on x86-64. */
static inline void *tn_atomic_exchange_ptr(void **p, void *v) { return ck_pr_fas_ptr(p, v); }
/* Bitmap words (alloc/obj_ft.c's remote-free bits); lock-prefixed: full barriers. */
static inline void tn_atomic_or_u64(uint64_t *p, uint64_t v) { ck_pr_or_64(p, v); }
static inline uint64_t tn_atomic_exchange_u64(uint64_t *p, uint64_t v) { return ck_pr_fas_64(p, v); }
static inline uint64_t tn_atomic_load_u64_relaxed(const uint64_t *p) { return ck_pr_load_64(p); }

#endif

#endif /* TN_ATOMIC_H */
