/* core/modules/modules.h — builtin modules written in C. */
#ifndef TN_MODULES_H
#define TN_MODULES_H

#include "core/object.h"

/* The builtins module: every builtin function, and every builtin type and
 * exception class bound to its Python name.  New ref or NULL. */
TnObject *tn_builtins_module_create(void);
/* The sys module.  argv: the script's sys.argv list (borrowed). */
TnObject *tn_sys_module_create(TnObject *argv_list);

#endif
