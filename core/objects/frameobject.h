/* core/objects/frameobject.h — the Python-level frame object (sys._getframe).
 *
 * Interpreter frames (core/vm/frame.h) live on the thread's frame stack and
 * die when their call returns, so a frame object never points at one: it
 * is a snapshot taken when it is made, holding its code, the line being
 * run, the globals, a copy of the locals, and the snapshot of the caller
 * (f_back), built for the whole chain at once. */
#ifndef TN_FRAMEOBJECT_H
#define TN_FRAMEOBJECT_H

#include "core/object.h"

typedef struct TnFrame TnFrame;

typedef struct TnFrameObject {
    TnObject ob;
    struct TnFrameObject *back;   /* strong or NULL */
    TnObject *code;               /* strong */
    TnObject *globals;            /* strong */
    TnObject *locals;             /* strong: the frame's dict, or a snapshot */
    int lineno;
    int lasti;
} TnFrameObject;

extern TnType tn_type_frame;

/* Snapshot of frame f and every frame below it.  New ref or NULL. */
TnObject *tn_frame_object_from(TnFrame *f);
/* Snapshot of frame f alone (f_back None): a suspended generator's frame,
 * whose `previous` link means nothing while it is not running. */
TnObject *tn_frame_object_alone(TnFrame *f);

#endif
