/* core/vm/frame.h — frames on the per-thread frame stack.
 *
 * A frame for a Python call is carved out of the thread's data stack (a
 * list of chunks), not allocated on the heap: pushing is a pointer bump,
 * popping resets it.  Layout: the TnFrame header, then localsplus (locals,
 * cells, frees: code->nlocalsplus slots), then the value stack
 * (code->stacksize slots).  Generators (later) copy their frame out.
 */
#ifndef TN_FRAME_H
#define TN_FRAME_H

#include "core/tn.h"

struct TnFrame {
    TnFrame *previous;          /* the caller, or NULL */
    TnCode *code;               /* strong reference */
    TnObject *func;             /* strong reference, NULL for module/class code */
    TnObject *globals;          /* borrowed from func or the caller */
    TnObject *builtins;         /* borrowed */
    TnObject *locals;           /* strong; module/class bodies only, else NULL */
    TnCodeUnit *instr_ptr;      /* next instruction, saved while calling out */
    TnObject **stack_pointer;   /* saved while calling out */
    int is_entry;               /* RETURN_VALUE here returns from the C-level eval call */
    int owner;                  /* TN_FRAME_OWNED_BY_THREAD or _BY_GENERATOR */
    TnObject *localsplus[];     /* nlocalsplus locals, then the value stack */
};

/* Where a frame's memory lives: the thread's frame stack, or a generator
 * (heap memory the generator frees; such a frame always runs as an entry
 * frame, resumed from C by the generator's send/throw). */
#define TN_FRAME_OWNED_BY_THREAD 0
#define TN_FRAME_OWNED_BY_GENERATOR 1

struct TnDataChunk {
    TnDataChunk *previous;
    TnObject **saved_top;       /* the previous chunk's top when this one was started */
    TnObject **saved_limit;
    size_t size;                /* slots in data[] */
    TnObject *data[];
};

#endif
