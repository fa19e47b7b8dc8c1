/* threading/critical_section.h — per-object critical sections.
 *
 * TN_BEGIN_CRITICAL_SECTION(op) ... TN_END_CRITICAL_SECTION() brackets every
 * operation on a builtin container.  In the gil flavour they are bare braces
 * (the GIL already serialises bytecode-level operations).  In the ft flavour
 * they lock the object's one-byte mutex (threads issue); until then the ft
 * build runs one thread, and the macros already keep the scoping identical so
 * that no call site changes when the lock arrives.
 *
 * Never `return` or `goto` out of the bracket: put the logic in a function
 * named ..._lock_held and call it inside.
 */
#ifndef TN_CRITICAL_SECTION_H
#define TN_CRITICAL_SECTION_H

#include "core/config.h"

#define TN_BEGIN_CRITICAL_SECTION(op) {
#define TN_END_CRITICAL_SECTION() }
#define TN_BEGIN_CRITICAL_SECTION2(a, b) {
#define TN_END_CRITICAL_SECTION2() }

#endif
