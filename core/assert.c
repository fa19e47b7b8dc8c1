/* core/assert.c — what a failed TN_ASSERT does (core/config.h).
 *
 * Only TN_DEBUG builds check contracts; they print the broken one and abort,
 * so a test run (ctest, the fuzzer, the OOM sweep) reports it as a death by
 * SIGABRT with the contract on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include "core/config.h"

#if TN_DEBUG
void tn_assert_fail(const char *expr, const char *file, int line, const char *func)
{
    fprintf(stderr, "Fatal: contract broken: %s\n  at %s:%d in %s()\n", expr, file, line, func);
    fflush(stderr);
    abort();
}
#endif
