/* core/modules/modules.h — builtin modules written in C. */
#ifndef TN_MODULES_H
#define TN_MODULES_H

#include <stdbool.h>
#include <stdio.h>
#include "core/object.h"

/* The builtins module: every builtin function, and every builtin type and
 * exception class bound to its Python name.  New ref or NULL. */
TnObject *tn_builtins_module_create(void);
/* The sys module.  argv: the script's sys.argv list (borrowed); path0:
 * sys.path[0] (the script's directory, '' for -c and stdin, the current
 * directory for -m), NULL for none (-I, -P); ignore_environment (-E, -I):
 * TANDEMPATH is not read.  sys.path: docs/stdlib.md. */
TnObject *tn_sys_module_create(TnObject *argv_list, const char *path0, int ignore_environment);
/* CPython's standard library directory: $TANDEM_STDLIB when set and not
 * empty, else the one CMake found (TN_STDLIB_DIR). */
const char *tn_sys_stdlib_dir(void);
/* 1 when tn_sys_stdlib_dir() holds os.py (the marker CMake checks), else 0. */
int tn_sys_stdlib_present(void);

/* The math and time modules.  New ref or NULL. */
TnObject *tn_math_module_create(void);
/* The gc module (core/modules/gc.c).  New ref or NULL. */
TnObject *tn_gc_module_create(void);
TnObject *tn_time_module_create(void);
/* The posix module (core/modules/posix*.c): what CPython's os.py imports
 * (docs/posix.md).  New ref or NULL. */
TnObject *tn_posix_module_create(void);
/* The pwd module (core/modules/pwd.c).  New ref or NULL. */
TnObject *tn_pwd_module_create(void);

/* The _io module (core/modules/io_module.c, docs/io.md).  New ref or NULL. */
TnObject *tn_io_module_create(void);
/* builtins.open (_io.open), and sys.stdin/stdout/stderr (plus __stdin__ ...)
 * as _io.TextIOWrapper objects (core/modules/io.c).  0 / -1. */
int tn_io_install(TnObject *builtins_dict, TnObject *sysdict);
/* -u: stdout and stderr without buffers (before tn_io_install). */
void tn_io_set_unbuffered(bool unbuffered);
/* At exit: flush sys.stdout (an error is reported as unraisable) then
 * sys.stderr (CPython's flush_std_files); originals: sys.__stdout__ and
 * sys.__stderr__ instead (the last flush, when CPython has put the
 * originals back).  0, or -1 when one failed (the process then exits with
 * status 120).  No exception left set. */
int tn_io_flush_std_files(bool originals);
/* Flush sys.<name> ("stdout", "stderr") before writing to its descriptor
 * directly; errors ignored.  0 / -1. */
int tn_io_flush_std(const char *name);

/* Write the str s to sys.stdout: the C stdout directly while sys.stdout is
 * the original stream, else through its write() method.  0 / -1. */
int tn_sys_write_stdout(TnObject *s);
/* The dis module (core/modules/dis.c).  New ref or NULL. */
TnObject *tn_dis_module_create(void);
/* The gc module (core/modules/gc.c; get_referents only until the
 * collectors come).  New ref or NULL. */
TnObject *tn_gc_module_create(void);
/* The _thread module (core/modules/thread.c).  New ref or NULL. */
TnObject *tn_thread_module_create(void);
/* The _weakref module (core/modules/_weakref.c).  New ref or NULL. */
TnObject *tn_weakref_module_create(void);
/* sys.setswitchinterval, getswitchinterval, _tandem_stats (sys_threads.c). */
extern const TnMethodDef tn_sys_thread_functions[];
/* sys.unraisablehook, __unraisablehook__ and their argument type
 * (sys_unraisable.c).  0 / -1. */
int tn_sys_unraisable_init(TnObject *sys_module);
/* sys._tandem_stats() as a dict (also printed by -X stats).  New ref or NULL. */
TnObject *tn_sys_tandem_stats_dict(void);
/* -X stats: print the same counters to f, one "tandem-stats: KEY=VALUE" line each. */
void tn_sys_tandem_stats_print(FILE *f);

/* Modules of CPython's standard library written in C (docs/stdlib.md),
 * created on their first import.  New ref or NULL. */
TnObject *tn_errno_module_create(void);
TnObject *tn_stat_module_create(void);
TnObject *tn_atexit_module_create(void);
TnObject *tn_string_module_create(void);
TnObject *tn_itertools_module_create(void);
TnObject *tn_collections_module_create(void);
TnObject *tn_random_module_create(void);
TnObject *tn_struct_module_create(void);
TnObject *tn_ast_module_create(void);      /* core/modules/ast.c: _ast */
TnObject *tn_codecs_module_create(void);
TnObject *tn_binascii_module_create(void);
TnObject *tn_array_module_create(void);
TnObject *tn_contextvars_module_create(void);
TnObject *tn_imp_module_create(void);
TnObject *tn_warnings_module_create(void);
TnObject *tn_marshal_module_create(void);
TnObject *tn_sha512_module_create(void);
TnObject *tn_operator_module_create(void);
/* The _sre module (core/modules/sre.c, sre_engine.c). */
TnObject *tn_sre_module_create(void);
/* Run the atexit callbacks (at interpreter exit, after threading._shutdown()). */
void tn_atexit_run_at_exit(void);

#endif
