/* core/objects/repr_guard.c — Py_ReprEnter / Py_ReprLeave (see repr_guard.h).
 *
 * The records live in a list owned by the thread state.  Only this thread
 * touches that list, so it is manipulated through its struct directly and
 * needs no critical section.
 */
#include "core/tn.h"
#include "core/objects/repr_guard.h"

/* The thread's list of objects being repr'd, created on demand (NULL + error). */
static TnList *running_list(void)
{
    TnThreadState *ts = tn_tstate();
    if (ts->repr_running == NULL) {
        ts->repr_running = tn_list_new(0);
        if (ts->repr_running == NULL)
            return NULL;
    }
    return (TnList *)ts->repr_running;
}

int tn_repr_enter(TnObject *obj)
{
    TnList *l = running_list();
    if (l == NULL)
        return -1;
    for (tn_ssize_t i = l->size; --i >= 0;) {
        if (l->items[i] == obj)
            return 1;
    }
    /* The list holds a reference like any list; repr of obj is in progress,
     * so the caller keeps obj alive until tn_repr_leave. */
    if (tn_list_append(TN_OBJ(l), obj) < 0)
        return -1;
    return 0;
}

void tn_repr_leave(TnObject *obj)
{
    TnThreadState *ts = tn_tstate();
    if (ts->repr_running == NULL)
        return;
    TnList *l = (TnList *)ts->repr_running;
    for (tn_ssize_t i = l->size; --i >= 0;) {
        if (l->items[i] == obj) {
            memmove(&l->items[i], &l->items[i + 1], sizeof(TnObject *) * (size_t)(l->size - i - 1));
            l->size--;
            /* The reference taken by tn_list_append: obj is still alive
             * (its repr is running), so this never deallocates it. */
            tn_decref(obj);
            return;
        }
    }
}
