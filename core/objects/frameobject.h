/* core/objects/frameobject.h — the Python-level frame object (sys._getframe).
 *
 * Interpreter frames (core/vm/frame.h) live on the thread's frame stack and
 * die when their call returns, so a frame object never points at one: it
 * is a snapshot taken when it is made, holding its code, the line being
 * run, the globals, a copy of the local slots (turned into the f_locals
 * dict on first use: logging's sys._getframe() and every traceback entry
 * make frames whose locals nobody reads), and the snapshot of the caller
 * (f_back), built for the whole chain at once (sys._getframe) or linked as
 * an exception unwinds (tracebacks, tn_frame_object_for_traceback). */
#ifndef TN_FRAMEOBJECT_H
#define TN_FRAMEOBJECT_H

#include "core/object.h"

typedef struct TnFrame TnFrame;

typedef struct TnFrameObject {
    TnObject ob;
    struct TnFrameObject *back;   /* strong or NULL */
    TnObject *code;               /* strong */
    TnObject *globals;            /* strong */
    TnObject *locals;             /* strong: the frame's dict, or the snapshot's once built */
    TnObject **fast;              /* owned copy of the local slots (strong, NULL = unbound)
                                     until f_locals is built; NULL after */
    int nfast;
    int lineno;
    int lasti;
    TnObject *fastbuf[];          /* where `fast` points: allocated with the object */
} TnFrameObject;

extern TnType tn_type_frame;

/* Snapshot of frame f and every frame below it.  New ref or NULL. */
TnObject *tn_frame_object_from(TnFrame *f);
/* Snapshot of frame f alone (f_back None): a suspended generator's frame,
 * whose `previous` link means nothing while it is not running. */
TnObject *tn_frame_object_alone(TnFrame *f);

/* The frame object of a traceback entry: frame f alone at instruction
 * lasti, f_back None until the exception reaches f's caller
 * (tn_frame_object_set_back).  New ref or NULL. */
TnObject *tn_frame_object_for_traceback(TnFrame *f, int lasti);
/* Link fo (the callee's snapshot) to its caller's, if it has none. */
void tn_frame_object_set_back(TnObject *fo, TnObject *back);

#endif
