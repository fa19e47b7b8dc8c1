/* core/vm/match.h — runtime support for the `match` statement (PEP 634).
 *
 * The opcodes MATCH_CLASS, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS,
 * GET_LEN and COPY_DICT_WITHOUT_KEYS are thin labels in core/vm/eval.c that
 * call these helpers; their semantics follow CPython 3.11's ceval.c.
 * All arguments are borrowed. */
#ifndef TN_MATCH_H
#define TN_MATCH_H

#include "core/object.h"

/* MATCH_CLASS: isinstance(subject, type), then the nargs positional
 * attributes named by type.__match_args__ (or the subject itself for the
 * builtin "match self" types) followed by the attributes named in the
 * kwnames tuple.  Returns a new tuple on a match; NULL without an
 * exception when the pattern does not match; NULL with one on error
 * (TypeError "called match pattern must be a type", ...).  Runs arbitrary
 * code (__instancecheck__, __getattr__, properties). */
TnObject *tn_match_class(TnObject *subject, TnObject *type, tn_ssize_t nargs, TnObject *kwnames);

/* MATCH_MAPPING: is subject a mapping (dict or a dict subclass)? */
bool tn_match_is_mapping(TnObject *subject);

/* MATCH_SEQUENCE: is subject a sequence for pattern matching (list, tuple,
 * range, memoryview or a subclass; str/bytes/bytearray are not)? */
bool tn_match_is_sequence(TnObject *subject);

/* MATCH_KEYS: a new tuple of map[key] for every key of the keys tuple,
 * looked up with map.get(key, sentinel); a new reference to None if some
 * key is missing; NULL on error (ValueError "mapping pattern checks
 * duplicate key (...)").  Runs arbitrary code. */
TnObject *tn_match_keys(TnObject *map, TnObject *keys);

/* COPY_DICT_WITHOUT_KEYS: a new dict with subject's items minus the keys
 * in the keys tuple.  New reference or NULL. */
TnObject *tn_match_copy_dict_without_keys(TnObject *subject, TnObject *keys);

#endif /* TN_MATCH_H */
