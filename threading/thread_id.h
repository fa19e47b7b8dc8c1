/* threading/thread_id.h — a cheap, never-zero identifier of the running OS thread.
 *
 * The identifier is the address of a thread-local byte: computing it is one
 * thread-pointer-relative address calculation (no call, no syscall), which is
 * what the biased reference counting fast path needs on every incref/decref.
 * It is unique among live threads; after a thread exits a new thread may get
 * the same address (threading/brc.c explains why that is harmless).
 */
#ifndef TN_THREAD_ID_H
#define TN_THREAD_ID_H

#include <stdint.h>

extern _Thread_local char tn_thread_id_anchor;

static inline uintptr_t tn_thread_id(void) { return (uintptr_t)&tn_thread_id_anchor; }

#endif
