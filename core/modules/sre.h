/* core/modules/sre.h — the regular-expression engine behind the _sre
 * module, shared by sre.c (the module, Pattern, Match, Scanner) and
 * sre_engine.c (the code validator and the backtracking matcher).
 * Design: docs/sre.md.
 *
 * The code is what CPython 3.11's re/_compiler.py emits: a list of 32-bit
 * words, opcodes and operands as in re/_constants.py.  The matcher works on
 * code-point indices into the subject (1, 2 or 4 bytes per code point, as a
 * str's kind; bytes-like subjects are 1), never on C recursion: its
 * backtracking frames and saved marks live in heap arrays that grow.
 */
#ifndef TN_SRE_H
#define TN_SRE_H

#include <stdbool.h>
#include <stdint.h>
#include "core/object.h"

typedef uint32_t TnSreCode;

#define TN_SRE_MAGIC 20220615
#define TN_SRE_MAXREPEAT 0xffffffffu
#define TN_SRE_MAXGROUPS 1073741823

/* Opcodes (re/_constants.py OPCODES, in order). */
enum {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT, SRE_OP_ASSERT_NOT,
    SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET, SRE_OP_BIGCHARSET, SRE_OP_GROUPREF,
    SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO, SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK,
    SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL, SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE,
    SRE_OP_REPEAT, SRE_OP_REPEAT_ONE, SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP,
    SRE_OP_POSSESSIVE_REPEAT, SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE,
    SRE_OP_IN_IGNORE, SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE,
};

/* AT codes and category codes (ATCODES, CHCODES). */
enum {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING, SRE_AT_LOC_BOUNDARY,
    SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY, SRE_AT_UNI_NON_BOUNDARY,
};
enum {
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK,
};

#define SRE_INFO_PREFIX 1
#define SRE_INFO_LITERAL 2
#define SRE_INFO_CHARSET 4

/* Results of tn_sre_match / tn_sre_search besides 1 (match) and 0. */
#define SRE_ERROR_ILLEGAL (-1)       /* RuntimeError: internal error */
#define SRE_ERROR_MEMORY (-9)        /* MemoryError (not set yet) */
#define SRE_ERROR_INTERRUPTED (-10)  /* a signal handler raised: exception set */

typedef struct TnSreRepeat TnSreRepeat;
typedef struct TnSreFrame TnSreFrame;

/* One match attempt's state over one subject. */
typedef struct TnSreState {
    const void *data;        /* the subject's code points */
    int kind;                /* bytes per code point: 1, 2 or 4 */
    tn_ssize_t length;       /* of the whole subject ("beginning" is index 0) */
    tn_ssize_t start, end;   /* where this attempt starts; endpos */
    tn_ssize_t ptr;          /* the current position (the end of a match) */
    bool match_all;          /* fullmatch: succeed only at end */
    bool must_advance;       /* finditer/sub after an empty match: no empty match at start */
    tn_ssize_t ngroups;
    tn_ssize_t *mark;        /* 2 * ngroups positions; -1 = unset */
    tn_ssize_t lastmark, lastindex;
    TnSreRepeat *repeat;     /* the innermost active REPEAT */
    TnSreRepeat *rep_pool;   /* every repeat record allocated (freed with the state) */
    TnSreRepeat *rep_free;
    TnSreFrame *frames;      /* the backtracking stack */
    tn_ssize_t nframes, frames_cap;
    tn_ssize_t *saved;       /* saved marks and repeat positions */
    tn_ssize_t nsaved, saved_cap;
    unsigned steps;          /* for the periodic signal check */
} TnSreState;

/* Set up st over data (kind bytes per code point, length of them) for the
 * range [pos, endpos) (clamped as CPython does) and ngroups groups.
 * 0 / -1 (MemoryError set). */
int tn_sre_state_init(TnSreState *st, const void *data, int kind, tn_ssize_t length, tn_ssize_t pos,
                      tn_ssize_t endpos, tn_ssize_t ngroups);
void tn_sre_state_fini(TnSreState *st);
/* Forget the marks before another attempt. */
void tn_sre_state_reset(TnSreState *st);

/* Match code at st->start (st->ptr: where it ended).  1 / 0 / SRE_ERROR_*. */
int tn_sre_match(TnSreState *st, const TnSreCode *code);
/* Search from st->start (st->start: where the match began).  1 / 0 / SRE_ERROR_*. */
int tn_sre_search(TnSreState *st, const TnSreCode *code);

/* Whether code[0..n) is well-formed code for a pattern of ngroups groups:
 * every operand in range, every skip inside its block, every path ending
 * in SUCCESS/FAILURE, so the matcher never reads outside the code. */
bool tn_sre_validate(const TnSreCode *code, tn_ssize_t n, tn_ssize_t ngroups);

/* Case helpers of _sre (ascii_tolower, unicode_tolower, ...). */
uint32_t tn_sre_lower_ascii(uint32_t ch);
uint32_t tn_sre_lower_unicode(uint32_t ch);
uint32_t tn_sre_upper_unicode(uint32_t ch);
bool tn_sre_ascii_iscased(uint32_t ch);
bool tn_sre_unicode_iscased(uint32_t ch);

#endif
