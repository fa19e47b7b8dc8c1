/* core/vm/lifecycle.h — starting and stopping the runtime. */
#ifndef TN_LIFECYCLE_H
#define TN_LIFECYCLE_H

/* Create the interpreter and the main thread state, ready every static type,
 * build builtins and sys.  0 / -1 (message printed to stderr). */
int tn_runtime_init(void);
/* Run the atexit callbacks, flush sys.stdout and sys.stderr (CPython's
 * flush_std_files) and release what can be released.  0, or -1 when
 * flushing a standard stream failed (the process exits with 120). */
int tn_runtime_fini(void);

#endif
