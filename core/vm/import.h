/* core/vm/import.h — the import system (core/vm/import.c). */
#ifndef TN_IMPORT_H
#define TN_IMPORT_H

#include "core/object.h"

/* __import__(name, globals, fromlist, level): the IMPORT_NAME opcode and
 * the builtin.  Returns the top-level package for `import a.b` (empty
 * fromlist), else the named module.  New reference or NULL. */
TnObject *tn_import_module_level(TnObject *name, TnObject *globals, TnObject *fromlist, int level);
/* IMPORT_FROM: module.name, falling back to the submodule module.name in
 * sys.modules (circular imports).  ImportError as CPython. */
TnObject *tn_import_from(TnObject *module, TnObject *name);
/* Create the builtin C modules (math, time, os, dis, _thread, signal) and
 * put them in `modules` (start-up).  0 / -1. */
int tn_import_add_builtin_modules(TnObject *modules);
/* name is one of the builtin C modules of the table (created at start-up
 * or on first import), not counting sys and builtins. */
bool tn_import_is_builtin(const char *name);
/* sys.builtin_module_names: the sorted names of the table, sys and
 * builtins.  New tuple or NULL. */
TnObject *tn_import_builtin_module_names(void);
/* _imp.create_builtin: the builtin module `name` (str), from sys.modules
 * or made now; ImportError "no built-in module named x" otherwise. */
TnObject *tn_import_create_builtin(TnObject *name);
/* tandem -m NAME: run the module (or a package's __main__) as __main__.
 * Returns 0 (ran; *exit_code 0), -1 (an exception is set), or 1 when it was
 * not found (*exit_code 1: no module; 2: a package without __main__). */
int tn_import_run_main_module(const char *name, int *exit_code);

#endif
