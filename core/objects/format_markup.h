/* core/objects/format_markup.h — str.format's parser of replacement fields
 * (core/objects/format.c, a port of CPython's unicode_format.h), shared
 * with the _string module (core/modules/string.c), which exposes it to
 * string.Formatter as CPython's does. */
#ifndef TN_FORMAT_MARKUP_H
#define TN_FORMAT_MARKUP_H

#include <stdbool.h>
#include <stdint.h>
#include "core/object.h"

/* The characters [start, end) of the str s (borrowed). */
typedef struct TnFormatSubStr {
    TnObject *s;
    tn_ssize_t start, end;
} TnFormatSubStr;

/* One step over the format string `it` (advanced): the literal text before
 * the next field and, if *field_present, the field's name, format spec
 * (`needs_expanding` if it holds '{'), and conversion character (0: none).
 * field_name is not set when no field follows.  0: error raised, 1: the
 * end, 2: got a step. */
int tn_format_markup_next(TnFormatSubStr *it, TnFormatSubStr *literal, bool *field_present,
                          TnFormatSubStr *field_name, TnFormatSubStr *format_spec, uint32_t *conversion,
                          bool *needs_expanding);
/* The next ".name" or "[key]" of the rest of a field name (advanced):
 * *is_attr, and *idx >= 0 for a decimal key or attribute, else -1 and
 * *name.  0: error raised, 1: the end, 2: got one. */
int tn_format_field_name_next(TnFormatSubStr *rest, bool *is_attr, tn_ssize_t *idx, TnFormatSubStr *name);
/* The decimal value of the whole substring: >= 0; -1 if it is empty or not
 * all decimal digits; -2 with ValueError on overflow. */
tn_ssize_t tn_format_substr_integer(const TnFormatSubStr *s);

#endif
