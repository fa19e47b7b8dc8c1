/* core/vm/lifecycle.h — starting and stopping the runtime. */
#ifndef TN_LIFECYCLE_H
#define TN_LIFECYCLE_H

/* Create the interpreter and the main thread state, ready every static type,
 * build builtins and sys.  0 / -1 (message printed to stderr). */
int tn_runtime_init(void);
/* Flush stdio and release what can be released. */
void tn_runtime_fini(void);

#endif
