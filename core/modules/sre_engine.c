/* core/modules/sre_engine.c — the matcher of the _sre module: CPython 3.11's
 * SRE semantics (the same opcodes, the same backtracking order and the same
 * capture-group bookkeeping, so the same groups come out), written as one
 * loop over an explicit stack.  Design: docs/sre.md.
 *
 * A "call" (matching a sub-pattern: a branch alternative, the tail after a
 * repeat, an assertion body ...) pushes a TnSreFrame on st->frames and jumps
 * to the loop's entrance; a return pops it and resumes the caller at the
 * point its `resume` field names.  So neither a long subject nor a deeply
 * nested pattern uses C stack: the frames and the saved marks are heap
 * arrays that grow (MemoryError when they cannot).  Every 4096 steps the
 * loop polls the thread's eval breaker: Ctrl-C raises KeyboardInterrupt out
 * of a catastrophic match, a stop-the-world pause (ft) or a GIL drop request
 * is honoured.
 */
#include <ctype.h>
#include <string.h>
#include "core/tn.h"
#include "core/modules/sre.h"
#include "core/vm/state.h"
#include "threading/eval_breaker.h"

struct TnSreRepeat {
    tn_ssize_t count;
    const TnSreCode *pattern;   /* the REPEAT's operands: skip, min, max, body */
    tn_ssize_t last_ptr;        /* zero-width protection: where the last iteration started */
    TnSreRepeat *prev;          /* the enclosing repeat */
    TnSreRepeat *next_alloc;    /* st->rep_pool / st->rep_free chains */
};

/* Where a frame resumes when the frame it called returns. */
enum {
    RESUME_NONE, RESUME_BRANCH, RESUME_REPEAT_ONE_1, RESUME_REPEAT_ONE_2, RESUME_MIN_REPEAT_ONE,
    RESUME_REPEAT, RESUME_UNTIL_1, RESUME_MAX_UNTIL_2, RESUME_MAX_UNTIL_3,
    RESUME_MIN_UNTIL_2, RESUME_MIN_UNTIL_3, RESUME_POSS_REPEAT_1, RESUME_POSS_REPEAT_2,
    RESUME_ATOMIC_GROUP, RESUME_ASSERT, RESUME_ASSERT_NOT,
};

struct TnSreFrame {
    const TnSreCode *pc;
    tn_ssize_t ptr;
    tn_ssize_t count;
    tn_ssize_t lastmark, lastindex;
    TnSreRepeat *rep;
    TnSreRepeat *tail_repeat;   /* MIN_UNTIL: the repeat active while its tail ran */
    int resume;
    bool toplevel;
};

/* ---- characters ---- */

static inline uint32_t char_at(const TnSreState *st, tn_ssize_t i)
{
    switch (st->kind) {
    case 1: return ((const uint8_t *)st->data)[i];
    case 2: return ((const uint16_t *)st->data)[i];
    default: return ((const uint32_t *)st->data)[i];
    }
}

uint32_t tn_sre_lower_ascii(uint32_t ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }
static uint32_t upper_ascii(uint32_t ch) { return ch >= 'a' && ch <= 'z' ? ch - 32 : ch; }

/* CPython's _PyUnicode_ToLowercase / ToUppercase: the first code point of
 * the full mapping. */
uint32_t tn_sre_lower_unicode(uint32_t ch)
{
    uint32_t out[3];
    tn_unicode_case_map(ch, 1, out);
    return out[0];
}

uint32_t tn_sre_upper_unicode(uint32_t ch)
{
    uint32_t out[3];
    tn_unicode_case_map(ch, 0, out);
    return out[0];
}

bool tn_sre_ascii_iscased(uint32_t ch) { return ch < 128 && isalpha((int)ch); }
bool tn_sre_unicode_iscased(uint32_t ch)
{
    return ch != tn_sre_lower_unicode(ch) || ch != tn_sre_upper_unicode(ch);
}

static uint32_t lower_locale(uint32_t ch) { return ch < 256 ? (uint32_t)tolower((int)ch) : ch; }
static uint32_t upper_locale(uint32_t ch) { return ch < 256 ? (uint32_t)toupper((int)ch) : ch; }

static bool is_ascii_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
static bool is_ascii_space(uint32_t ch) { return ch == ' ' || (ch >= 9 && ch <= 13); }
static bool is_ascii_word(uint32_t ch)
{
    return ch < 128 && (is_ascii_digit(ch) || upper_ascii(ch) != tn_sre_lower_ascii(ch) || ch == '_');
}
static bool is_loc_word(uint32_t ch) { return ch < 256 && (isalnum((int)ch) || ch == '_'); }
static bool is_uni_word(uint32_t ch)
{
    return ch == '_' ||
           (tn_unicode_flags(ch) & (TN_UC_ALPHA | TN_UC_DECIMAL | TN_UC_DIGIT | TN_UC_NUMERIC)) != 0;
}

static bool category(uint32_t code, uint32_t ch)
{
    switch (code) {
    case SRE_CAT_DIGIT: return is_ascii_digit(ch);
    case SRE_CAT_NOT_DIGIT: return !is_ascii_digit(ch);
    case SRE_CAT_SPACE: return is_ascii_space(ch);
    case SRE_CAT_NOT_SPACE: return !is_ascii_space(ch);
    case SRE_CAT_WORD: return is_ascii_word(ch);
    case SRE_CAT_NOT_WORD: return !is_ascii_word(ch);
    case SRE_CAT_LINEBREAK: return ch == '\n';
    case SRE_CAT_NOT_LINEBREAK: return ch != '\n';
    case SRE_CAT_LOC_WORD: return is_loc_word(ch);
    case SRE_CAT_LOC_NOT_WORD: return !is_loc_word(ch);
    case SRE_CAT_UNI_DIGIT: return (tn_unicode_flags(ch) & TN_UC_DECIMAL) != 0;
    case SRE_CAT_UNI_NOT_DIGIT: return (tn_unicode_flags(ch) & TN_UC_DECIMAL) == 0;
    case SRE_CAT_UNI_SPACE: return tn_unicode_isspace(ch);
    case SRE_CAT_UNI_NOT_SPACE: return !tn_unicode_isspace(ch);
    case SRE_CAT_UNI_WORD: return is_uni_word(ch);
    case SRE_CAT_UNI_NOT_WORD: return !is_uni_word(ch);
    case SRE_CAT_UNI_LINEBREAK: return (tn_unicode_flags(ch) & TN_UC_LINEBREAK) != 0;
    case SRE_CAT_UNI_NOT_LINEBREAK: return (tn_unicode_flags(ch) & TN_UC_LINEBREAK) == 0;
    default: return false;
    }
}

/* Whether ch is in the set (a validated charset ending in FAILURE). */
static bool in_charset(const TnSreCode *set, uint32_t ch)
{
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (ch == set[0])
                return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (category(set[0], ch))
                return ok;
            set++;
            break;
        case SRE_OP_CHARSET:
            if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31))))
                return ok;
            set += 8;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= ch && ch <= set[1])
                return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (set[0] <= ch && ch <= set[1])
                return ok;
            uint32_t up = tn_sre_upper_unicode(ch);
            if (set[0] <= up && up <= set[1])
                return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            /* <count> <256 block numbers as bytes, 64 words> <count blocks of 8 words> */
            uint32_t count = *set++;
            if (ch < 0x10000) {
                uint32_t block = ((const uint8_t *)set)[ch >> 8];
                if (set[64 + block * 8 + ((ch & 255) >> 5)] & (1u << (ch & 31)))
                    return ok;
            }
            set += 64 + (size_t)count * 8;
            break;
        }
        default:
            return false;
        }
    }
}

static bool in_charset_loc_ignore(const TnSreCode *set, uint32_t ch)
{
    uint32_t lo = lower_locale(ch);
    if (in_charset(set, lo))
        return true;
    uint32_t up = upper_locale(ch);
    return up != lo && in_charset(set, up);
}

static bool literal_loc_ignore(uint32_t pat, uint32_t ch)
{
    return ch == pat || lower_locale(ch) == pat || upper_locale(ch) == pat;
}

/* Whether the one-character item at op (an opcode the validator allows as
 * a REPEAT_ONE body) matches ch. */
static bool item_matches(const TnSreCode *op, uint32_t ch)
{
    switch (op[0]) {
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return true;
    case SRE_OP_LITERAL: return ch == op[1];
    case SRE_OP_NOT_LITERAL: return ch != op[1];
    case SRE_OP_LITERAL_IGNORE: return tn_sre_lower_ascii(ch) == op[1];
    case SRE_OP_NOT_LITERAL_IGNORE: return tn_sre_lower_ascii(ch) != op[1];
    case SRE_OP_LITERAL_UNI_IGNORE: return tn_sre_lower_unicode(ch) == op[1];
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return tn_sre_lower_unicode(ch) != op[1];
    case SRE_OP_LITERAL_LOC_IGNORE: return literal_loc_ignore(op[1], ch);
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: return !literal_loc_ignore(op[1], ch);
    case SRE_OP_IN: return in_charset(op + 2, ch);
    case SRE_OP_IN_IGNORE: return in_charset(op + 2, tn_sre_lower_ascii(ch));
    case SRE_OP_IN_UNI_IGNORE: return in_charset(op + 2, tn_sre_lower_unicode(ch));
    case SRE_OP_IN_LOC_IGNORE: return in_charset_loc_ignore(op + 2, ch);
    default: return false;
    }
}

/* Code words an item occupies after its opcode. */
static tn_ssize_t item_operands(const TnSreCode *op)
{
    switch (op[0]) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: return 0;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        return op[1];
    default: return 1;
    }
}

static bool is_item_op(TnSreCode op)
{
    switch (op) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_IN: case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        return true;
    default:
        return false;
    }
}

/* How many times (up to maxcount) the item matches from st->ptr on. */
static tn_ssize_t count_items(const TnSreState *st, const TnSreCode *item, uint32_t maxcount)
{
    tn_ssize_t p = st->ptr, end = st->end;
    if (maxcount != TN_SRE_MAXREPEAT && end - p > (tn_ssize_t)maxcount)
        end = p + (tn_ssize_t)maxcount;
    while (p < end && item_matches(item, char_at(st, p)))
        p++;
    return p > st->ptr ? p - st->ptr : 0;
}

static bool at_boundary(const TnSreState *st, tn_ssize_t ptr, bool (*word)(uint32_t))
{
    if (st->end == 0)
        return false;
    bool before = ptr > 0 && ptr - 1 < st->length && word(char_at(st, ptr - 1));
    bool here = ptr < st->end && word(char_at(st, ptr));
    return before != here;
}

static bool at(const TnSreState *st, tn_ssize_t ptr, uint32_t code)
{
    switch (code) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == 0;
    case SRE_AT_BEGINNING_LINE:
        return ptr == 0 || (ptr - 1 < st->length && char_at(st, ptr - 1) == '\n');
    case SRE_AT_END:
        return ptr == st->end || (ptr + 1 == st->end && char_at(st, ptr) == '\n');
    case SRE_AT_END_LINE:
        return ptr == st->end || (ptr < st->end && char_at(st, ptr) == '\n');
    case SRE_AT_END_STRING:
        return ptr == st->end;
    case SRE_AT_BOUNDARY:
        return at_boundary(st, ptr, is_ascii_word);
    case SRE_AT_NON_BOUNDARY:
        return st->end != 0 && !at_boundary(st, ptr, is_ascii_word);
    case SRE_AT_LOC_BOUNDARY:
        return at_boundary(st, ptr, is_loc_word);
    case SRE_AT_LOC_NON_BOUNDARY:
        return st->end != 0 && !at_boundary(st, ptr, is_loc_word);
    case SRE_AT_UNI_BOUNDARY:
        return at_boundary(st, ptr, is_uni_word);
    case SRE_AT_UNI_NON_BOUNDARY:
        return st->end != 0 && !at_boundary(st, ptr, is_uni_word);
    default:
        return false;
    }
}

/* ---- the state ---- */

int tn_sre_state_init(TnSreState *st, const void *data, int kind, tn_ssize_t length, tn_ssize_t pos,
                      tn_ssize_t endpos, tn_ssize_t ngroups)
{
    memset(st, 0, sizeof *st);
    st->data = data;
    st->kind = kind;
    st->length = length;
    st->start = pos < 0 ? 0 : pos > length ? length : pos;
    st->end = endpos < 0 ? 0 : endpos > length ? length : endpos;
    st->ptr = st->start;
    st->ngroups = ngroups;
    if (ngroups > 0) {
        st->mark = tn_mem_alloc((size_t)ngroups * 2 * sizeof(tn_ssize_t));
        if (st->mark == NULL) {
            tn_err_no_memory();
            return -1;
        }
    }
    for (tn_ssize_t i = 0; i < ngroups * 2; i++)
        st->mark[i] = -1;
    tn_sre_state_reset(st);
    return 0;
}

void tn_sre_state_reset(TnSreState *st)
{
    st->lastmark = -1;
    st->lastindex = -1;
    st->repeat = NULL;
    st->nframes = 0;
    st->nsaved = 0;
}

void tn_sre_state_fini(TnSreState *st)
{
    while (st->rep_pool != NULL) {
        TnSreRepeat *r = st->rep_pool;
        st->rep_pool = r->next_alloc;
        tn_mem_free(r);
    }
    while (st->rep_free != NULL) {
        TnSreRepeat *r = st->rep_free;
        st->rep_free = r->next_alloc;
        tn_mem_free(r);
    }
    tn_mem_free(st->mark);
    tn_mem_free(st->frames);
    tn_mem_free(st->saved);
    st->mark = NULL;
    st->frames = NULL;
    st->saved = NULL;
}

/* A repeat record from the free list or the heap; NULL when out of memory. */
static TnSreRepeat *repeat_new(TnSreState *st)
{
    TnSreRepeat *r = st->rep_free;
    if (r != NULL)
        st->rep_free = r->next_alloc;
    else if ((r = tn_mem_alloc(sizeof *r)) == NULL)
        return NULL;
    /* Kept on rep_pool while in use, so an error unwinding frames frees it. */
    r->next_alloc = st->rep_pool;
    st->rep_pool = r;
    return r;
}

/* Repeats are released in the reverse order of their creation (the frames
 * that own them are a stack), so r is the head of rep_pool. */
static void repeat_release(TnSreState *st, TnSreRepeat *r)
{
    TnSreRepeat **pp = &st->rep_pool;
    while (*pp != NULL && *pp != r)
        pp = &(*pp)->next_alloc;
    if (*pp == r)
        *pp = r->next_alloc;
    r->next_alloc = st->rep_free;
    st->rep_free = r;
}

static int grow(void **arr, tn_ssize_t *cap, tn_ssize_t need, size_t itemsize)
{
    if (need <= *cap)
        return 0;
    tn_ssize_t ncap = *cap < 16 ? 16 : *cap;
    while (ncap < need) {
        if (ncap > INTPTR_MAX / 2 / (tn_ssize_t)itemsize)
            return -1;
        ncap *= 2;
    }
    void *p = tn_mem_realloc(*arr, (size_t)ncap * itemsize);
    if (p == NULL)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

static int frame_push(TnSreState *st)
{
    if (grow((void **)&st->frames, &st->frames_cap, st->nframes + 1, sizeof(TnSreFrame)) < 0)
        return -1;
    TnSreFrame *f = &st->frames[st->nframes++];
    memset(f, 0, sizeof *f);
    return 0;
}

static int saved_push(TnSreState *st, const tn_ssize_t *v, tn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (grow((void **)&st->saved, &st->saved_cap, st->nsaved + n, sizeof(tn_ssize_t)) < 0)
        return -1;
    memcpy(st->saved + st->nsaved, v, (size_t)n * sizeof(tn_ssize_t));
    st->nsaved += n;
    return 0;
}

/* Restore the marks 0..lastmark saved last (keep: leave them saved). */
static void marks_pop(TnSreState *st, tn_ssize_t lastmark, bool keep)
{
    tn_ssize_t n = lastmark + 1;
    if (n <= 0)
        return;
    memcpy(st->mark, st->saved + st->nsaved - n, (size_t)n * sizeof(tn_ssize_t));
    if (!keep)
        st->nsaved -= n;
}

static void marks_discard(TnSreState *st, tn_ssize_t lastmark)
{
    if (lastmark >= 0)
        st->nsaved -= lastmark + 1;
}

/* Poll the eval breaker (signals, stop-the-world, GIL drop).  0 / -1. */
static int check_breaker(void)
{
    TnThreadState *ts = tn_tstate();
    if (ts == NULL || !tn_eval_breaker_pending(&ts->eval_breaker))
        return 0;
    return tn_eval_handle_breaker(ts);
}

static bool group_span(const TnSreState *st, uint32_t group, tn_ssize_t *p, tn_ssize_t *e)
{
    tn_ssize_t ref = (tn_ssize_t)group * 2;
    if (ref >= st->lastmark)
        return false;
    *p = st->mark[ref];
    *e = st->mark[ref + 1];
    return *p >= 0 && *e >= 0 && *e >= *p;
}

/* 0 the back reference fails, else 1 with *ptr advanced.  fold: 0 exact,
 * 1 ascii, 2 unicode, 3 locale. */
static bool groupref(const TnSreState *st, uint32_t group, tn_ssize_t *ptr, int fold)
{
    tn_ssize_t p, e;
    if (!group_span(st, group, &p, &e))
        return false;
    tn_ssize_t q = *ptr;
    for (; p < e; p++, q++) {
        if (q >= st->end)
            return false;
        uint32_t a = char_at(st, q), b = char_at(st, p);
        switch (fold) {
        case 1: a = tn_sre_lower_ascii(a); b = tn_sre_lower_ascii(b); break;
        case 2: a = tn_sre_lower_unicode(a); b = tn_sre_lower_unicode(b); break;
        case 3: a = lower_locale(a); b = lower_locale(b); break;
        default: break;
        }
        if (a != b)
            return false;
    }
    *ptr = q;
    return true;
}

/* ---- the matcher ---- */

/* Call the sub-pattern NEWPC from the current frame (toplevel TOP); the
 * callee's result is in `ret` at LABEL. */
#define CALL(ID, LABEL, NEWPC, TOP)                       \
    do {                                                  \
        bool top_ = (TOP);                                \
        const TnSreCode *npc_ = (NEWPC);                  \
        f->pc = pc;                                       \
        f->ptr = ptr;                                     \
        f->resume = ID;                                   \
        if (frame_push(st) < 0)                           \
            return fail_memory(st);                       \
        f = &st->frames[st->nframes - 1];                 \
        f->toplevel = top_;                               \
        pc = npc_;                                        \
        goto entrance;                                    \
    LABEL:;                                               \
    } while (0)

#define RETURN_FAILURE do { ret = 0; goto leave; } while (0)
#define RETURN_SUCCESS do { ret = 1; goto leave; } while (0)
#define LASTMARK_SAVE() do { f->lastmark = st->lastmark; f->lastindex = st->lastindex; } while (0)
#define LASTMARK_RESTORE() do { st->lastmark = f->lastmark; st->lastindex = f->lastindex; } while (0)
#define MARK_PUSH(lm)                                      \
    do {                                                   \
        if (saved_push(st, st->mark, (lm) + 1) < 0)        \
            return fail_memory(st);                        \
    } while (0)
#define VALUE_PUSH(v)                                      \
    do {                                                   \
        tn_ssize_t v_ = (v);                               \
        if (saved_push(st, &v_, 1) < 0)                    \
            return fail_memory(st);                        \
    } while (0)
#define VALUE_POP() (st->saved[--st->nsaved])

/* Give up the attempt: an error goes straight back to our caller, which
 * drops the state (no frame resumes). */
static int abandon(TnSreState *st, int status)
{
    st->nframes = 0;
    st->nsaved = 0;
    st->repeat = NULL;
    return status;
}

static int fail_memory(TnSreState *st) { return abandon(st, SRE_ERROR_MEMORY); }

static int run(TnSreState *st, const TnSreCode *pc, bool toplevel)
{
    const tn_ssize_t end = st->end;
    tn_ssize_t ptr;
    int ret = 0;
    TnSreFrame *f;
    if (frame_push(st) < 0)
        return fail_memory(st);
    f = &st->frames[st->nframes - 1];
    f->toplevel = toplevel;
    f->resume = RESUME_NONE;

entrance:
    ptr = st->ptr;
    if (pc[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> ...: too few characters left? */
        if (pc[3] && end - ptr < (tn_ssize_t)pc[3])
            RETURN_FAILURE;
        pc += pc[1] + 1;
    }

    for (;;) {
        if ((++st->steps & 0xfff) == 0 && check_breaker() < 0)
            return abandon(st, SRE_ERROR_INTERRUPTED);
        switch (*pc++) {
        case SRE_OP_MARK: {
            tn_ssize_t i = pc[0];
            if (i & 1)
                st->lastindex = i / 2 + 1;
            if (i > st->lastmark) {
                for (tn_ssize_t j = st->lastmark + 1; j < i; j++)
                    st->mark[j] = -1;
                st->lastmark = i;
            }
            st->mark[i] = ptr;
            pc++;
            break;
        }

        case SRE_OP_AT:
            if (!at(st, ptr, pc[0]))
                RETURN_FAILURE;
            pc++;
            break;

        case SRE_OP_CATEGORY:
            if (ptr >= end || !category(pc[0], char_at(st, ptr)))
                RETURN_FAILURE;
            ptr++;
            pc++;
            break;

        case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_IN: case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !item_matches(pc - 1, char_at(st, ptr)))
                RETURN_FAILURE;
            ptr++;
            pc += item_operands(pc - 1);
            break;

        case SRE_OP_JUMP:
        case SRE_OP_INFO:
            pc += pc[0];
            break;

        case SRE_OP_SUCCESS:
            if (f->toplevel && ((st->match_all && ptr != end) || (st->must_advance && ptr == st->start)))
                RETURN_FAILURE;
            st->ptr = ptr;
            RETURN_SUCCESS;

        case SRE_OP_FAILURE:
            RETURN_FAILURE;

        case SRE_OP_BRANCH:
            /* <BRANCH> <skip> alternative <JUMP> ... <0> */
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH(f->lastmark);
            for (; pc[0]; pc += pc[0]) {
                if (pc[1] == SRE_OP_LITERAL && (ptr >= end || char_at(st, ptr) != pc[2]))
                    continue;
                if (pc[1] == SRE_OP_IN && (ptr >= end || !in_charset(pc + 3, char_at(st, ptr))))
                    continue;
                st->ptr = ptr;
                CALL(RESUME_BRANCH, resume_branch, pc + 1, f->toplevel);
                if (ret) {
                    if (st->repeat)
                        marks_discard(st, f->lastmark);
                    RETURN_SUCCESS;
                }
                if (st->repeat)
                    marks_pop(st, f->lastmark, true);
                LASTMARK_RESTORE();
            }
            if (st->repeat)
                marks_discard(st, f->lastmark);
            RETURN_FAILURE;

        case SRE_OP_REPEAT_ONE:
            /* <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy */
            if ((tn_ssize_t)pc[1] > end - ptr)
                RETURN_FAILURE;
            st->ptr = ptr;
            f->count = count_items(st, pc + 3, pc[2]);
            ptr += f->count;
            if (f->count < (tn_ssize_t)pc[1])
                RETURN_FAILURE;
            if (pc[pc[0]] == SRE_OP_SUCCESS && ptr == end &&
                !(f->toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH(f->lastmark);
            if (pc[pc[0]] == SRE_OP_LITERAL) {
                /* The tail starts with a literal: try only where it is. */
                f->rep = NULL;
                for (;;) {
                    uint32_t chr = pc[pc[0] + 1];
                    while (f->count >= (tn_ssize_t)pc[1] && (ptr >= end || char_at(st, ptr) != chr)) {
                        ptr--;
                        f->count--;
                    }
                    if (f->count < (tn_ssize_t)pc[1])
                        break;
                    st->ptr = ptr;
                    CALL(RESUME_REPEAT_ONE_1, resume_repeat_one_1, pc + pc[0], f->toplevel);
                    if (ret) {
                        if (st->repeat)
                            marks_discard(st, f->lastmark);
                        RETURN_SUCCESS;
                    }
                    if (st->repeat)
                        marks_pop(st, f->lastmark, true);
                    LASTMARK_RESTORE();
                    ptr--;
                    f->count--;
                }
            } else {
                while (f->count >= (tn_ssize_t)pc[1]) {
                    st->ptr = ptr;
                    CALL(RESUME_REPEAT_ONE_2, resume_repeat_one_2, pc + pc[0], f->toplevel);
                    if (ret) {
                        if (st->repeat)
                            marks_discard(st, f->lastmark);
                        RETURN_SUCCESS;
                    }
                    if (st->repeat)
                        marks_pop(st, f->lastmark, true);
                    LASTMARK_RESTORE();
                    ptr--;
                    f->count--;
                }
            }
            if (st->repeat)
                marks_discard(st, f->lastmark);
            RETURN_FAILURE;

        case SRE_OP_MIN_REPEAT_ONE:
            /* <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy */
            if ((tn_ssize_t)pc[1] > end - ptr)
                RETURN_FAILURE;
            st->ptr = ptr;
            if (pc[1] == 0) {
                f->count = 0;
            } else {
                f->count = count_items(st, pc + 3, pc[1]);
                if (f->count < (tn_ssize_t)pc[1])
                    RETURN_FAILURE;
                ptr += f->count;
            }
            if (pc[pc[0]] == SRE_OP_SUCCESS &&
                !(f->toplevel && ((st->match_all && ptr != end) || (st->must_advance && ptr == st->start)))) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH(f->lastmark);
            while (pc[2] == TN_SRE_MAXREPEAT || f->count <= (tn_ssize_t)pc[2]) {
                st->ptr = ptr;
                CALL(RESUME_MIN_REPEAT_ONE, resume_min_repeat_one, pc + pc[0], f->toplevel);
                if (ret) {
                    if (st->repeat)
                        marks_discard(st, f->lastmark);
                    RETURN_SUCCESS;
                }
                if (st->repeat)
                    marks_pop(st, f->lastmark, true);
                LASTMARK_RESTORE();
                st->ptr = ptr;
                if (count_items(st, pc + 3, 1) == 0)
                    break;
                ptr++;
                f->count++;
            }
            if (st->repeat)
                marks_discard(st, f->lastmark);
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            /* <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail */
            if ((tn_ssize_t)pc[1] > end - ptr)
                RETURN_FAILURE;
            st->ptr = ptr;
            f->count = count_items(st, pc + 3, pc[2]);
            ptr += f->count;
            if (f->count < (tn_ssize_t)pc[1])
                RETURN_FAILURE;
            pc += pc[0];
            if (*pc == SRE_OP_SUCCESS && ptr == end && !(f->toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            break;

        case SRE_OP_REPEAT: {
            /* <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail */
            TnSreRepeat *rep = repeat_new(st);
            if (rep == NULL)
                return fail_memory(st);
            rep->count = -1;
            rep->pattern = pc;
            rep->prev = st->repeat;
            rep->last_ptr = -2;
            st->repeat = rep;
            f->rep = rep;
            st->ptr = ptr;
            CALL(RESUME_REPEAT, resume_repeat, pc + pc[0], f->toplevel);
            st->repeat = f->rep->prev;
            repeat_release(st, f->rep);
            if (ret)
                RETURN_SUCCESS;
            RETURN_FAILURE;
        }

        case SRE_OP_MAX_UNTIL:
        case SRE_OP_MIN_UNTIL:
            /* The end of a REPEAT body: first the minimum count of items. */
            f->rep = st->repeat;
            if (f->rep == NULL)
                return abandon(st, SRE_ERROR_ILLEGAL);
            st->ptr = ptr;
            f->count = f->rep->count + 1;
            if (f->count < (tn_ssize_t)f->rep->pattern[1]) {
                f->rep->count = f->count;
                CALL(RESUME_UNTIL_1, resume_until_1, f->rep->pattern + 3, f->toplevel);
                if (ret)
                    RETURN_SUCCESS;
                f->rep->count = f->count - 1;
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            if (pc[-1] == SRE_OP_MIN_UNTIL)
                goto min_until;
            /* Greedy: one more item if possible, else the tail. */
            if ((f->count < (tn_ssize_t)f->rep->pattern[2] || f->rep->pattern[2] == TN_SRE_MAXREPEAT) &&
                st->ptr != f->rep->last_ptr) {
                f->rep->count = f->count;
                LASTMARK_SAVE();
                MARK_PUSH(f->lastmark);
                VALUE_PUSH(f->rep->last_ptr);
                f->rep->last_ptr = st->ptr;
                CALL(RESUME_MAX_UNTIL_2, resume_max_until_2, f->rep->pattern + 3, f->toplevel);
                f->rep->last_ptr = VALUE_POP();
                if (ret) {
                    marks_discard(st, f->lastmark);
                    RETURN_SUCCESS;
                }
                marks_pop(st, f->lastmark, false);
                LASTMARK_RESTORE();
                f->rep->count = f->count - 1;
                st->ptr = ptr;
            }
            st->repeat = f->rep->prev;
            CALL(RESUME_MAX_UNTIL_3, resume_max_until_3, pc, f->toplevel);
            st->repeat = f->rep;
            if (ret)
                RETURN_SUCCESS;
            st->ptr = ptr;
            RETURN_FAILURE;

        min_until:
            /* Lazy: the tail if possible, else one more item. */
            st->repeat = f->rep->prev;
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH(f->lastmark);
            CALL(RESUME_MIN_UNTIL_2, resume_min_until_2, pc, f->toplevel);
            f->tail_repeat = st->repeat;
            st->repeat = f->rep;
            if (ret) {
                if (f->tail_repeat)
                    marks_discard(st, f->lastmark);
                RETURN_SUCCESS;
            }
            if (f->tail_repeat)
                marks_pop(st, f->lastmark, false);
            LASTMARK_RESTORE();
            st->ptr = ptr;
            if ((f->count >= (tn_ssize_t)f->rep->pattern[2] && f->rep->pattern[2] != TN_SRE_MAXREPEAT) ||
                st->ptr == f->rep->last_ptr)
                RETURN_FAILURE;
            f->rep->count = f->count;
            VALUE_PUSH(f->rep->last_ptr);
            f->rep->last_ptr = st->ptr;
            CALL(RESUME_MIN_UNTIL_3, resume_min_until_3, f->rep->pattern + 3, f->toplevel);
            f->rep->last_ptr = VALUE_POP();
            if (ret)
                RETURN_SUCCESS;
            f->rep->count = f->count - 1;
            st->ptr = ptr;
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT:
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail */
            st->ptr = ptr;
            f->count = 0;
            while (f->count < (tn_ssize_t)pc[1]) {
                CALL(RESUME_POSS_REPEAT_1, resume_poss_repeat_1, pc + 3, false);
                if (!ret) {
                    st->ptr = ptr;
                    RETURN_FAILURE;
                }
                f->count++;
            }
            /* ptr now holds where the last iteration started (-2: none yet),
             * for the zero-width check. */
            ptr = -2;
            while ((f->count < (tn_ssize_t)pc[2] || pc[2] == TN_SRE_MAXREPEAT) && st->ptr != ptr) {
                LASTMARK_SAVE();
                MARK_PUSH(f->lastmark);
                ptr = st->ptr;
                CALL(RESUME_POSS_REPEAT_2, resume_poss_repeat_2, pc + 3, false);
                if (ret) {
                    marks_discard(st, f->lastmark);
                    f->count++;
                } else {
                    marks_pop(st, f->lastmark, false);
                    LASTMARK_RESTORE();
                    st->ptr = ptr;
                    break;
                }
            }
            pc += pc[0] + 1;
            ptr = st->ptr;
            break;

        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> body <SUCCESS> tail */
            st->ptr = ptr;
            CALL(RESUME_ATOMIC_GROUP, resume_atomic_group, pc + 1, false);
            if (!ret) {
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            pc += pc[0];
            ptr = st->ptr;
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            TnSreCode op = pc[-1];
            int fold = op == SRE_OP_GROUPREF ? 0 : op == SRE_OP_GROUPREF_IGNORE ? 1
                     : op == SRE_OP_GROUPREF_UNI_IGNORE ? 2 : 3;
            if (!groupref(st, pc[0], &ptr, fold))
                RETURN_FAILURE;
            pc++;
            break;
        }

        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no */
            tn_ssize_t p, e;
            if (!group_span(st, pc[0], &p, &e))
                pc += pc[1];
            else
                pc += 2;
            break;
        }

        case SRE_OP_ASSERT:
            /* <ASSERT> <skip> <back> body <SUCCESS> */
            if (ptr < (tn_ssize_t)pc[1])
                RETURN_FAILURE;
            st->ptr = ptr - (tn_ssize_t)pc[1];
            CALL(RESUME_ASSERT, resume_assert, pc + 2, false);
            if (!ret)
                RETURN_FAILURE;
            pc += pc[0];
            break;

        case SRE_OP_ASSERT_NOT:
            if (ptr >= (tn_ssize_t)pc[1]) {
                st->ptr = ptr - (tn_ssize_t)pc[1];
                LASTMARK_SAVE();
                if (st->repeat)
                    MARK_PUSH(f->lastmark);
                CALL(RESUME_ASSERT_NOT, resume_assert_not, pc + 2, false);
                if (ret) {
                    if (st->repeat)
                        marks_discard(st, f->lastmark);
                    RETURN_FAILURE;
                }
                if (st->repeat)
                    marks_pop(st, f->lastmark, false);
                LASTMARK_RESTORE();
            }
            pc += pc[0];
            break;

        default:
            return abandon(st, SRE_ERROR_ILLEGAL);
        }
    }

leave:
    /* Return ret to the caller frame (or to our caller from the root). */
    st->nframes--;
    if (st->nframes == 0)
        return ret;
    f = &st->frames[st->nframes - 1];
    pc = f->pc;
    ptr = f->ptr;
    switch (f->resume) {
    case RESUME_BRANCH: goto resume_branch;
    case RESUME_REPEAT_ONE_1: goto resume_repeat_one_1;
    case RESUME_REPEAT_ONE_2: goto resume_repeat_one_2;
    case RESUME_MIN_REPEAT_ONE: goto resume_min_repeat_one;
    case RESUME_REPEAT: goto resume_repeat;
    case RESUME_UNTIL_1: goto resume_until_1;
    case RESUME_MAX_UNTIL_2: goto resume_max_until_2;
    case RESUME_MAX_UNTIL_3: goto resume_max_until_3;
    case RESUME_MIN_UNTIL_2: goto resume_min_until_2;
    case RESUME_MIN_UNTIL_3: goto resume_min_until_3;
    case RESUME_POSS_REPEAT_1: goto resume_poss_repeat_1;
    case RESUME_POSS_REPEAT_2: goto resume_poss_repeat_2;
    case RESUME_ATOMIC_GROUP: goto resume_atomic_group;
    case RESUME_ASSERT: goto resume_assert;
    case RESUME_ASSERT_NOT: goto resume_assert_not;
    default:
        return abandon(st, SRE_ERROR_ILLEGAL);
    }
}

int tn_sre_match(TnSreState *st, const TnSreCode *code)
{
    st->ptr = st->start;
    int r = run(st, code, true);
    if (r == SRE_ERROR_MEMORY)
        tn_err_no_memory();
    return r;
}

/* The first character a match must start with, per the INFO block: a
 * literal (*lit) or a charset (*set); neither when unknown. */
static void info_first(const TnSreCode *code, bool *has_lit, uint32_t *lit, const TnSreCode **set)
{
    *has_lit = false;
    *set = NULL;
    if (code[0] != SRE_OP_INFO)
        return;
    if ((code[2] & SRE_INFO_PREFIX) && code[5] >= 1) {
        *has_lit = true;
        *lit = code[7];
    } else if (code[2] & SRE_INFO_CHARSET) {
        *set = code + 5;
    }
}

int tn_sre_search(TnSreState *st, const TnSreCode *code)
{
    tn_ssize_t ptr = st->start, end = st->end;
    if (ptr > end)
        return 0;
    if (code[0] == SRE_OP_INFO && code[3] && end - ptr < (tn_ssize_t)code[3])
        return 0;
    bool has_lit;
    uint32_t lit = 0;
    const TnSreCode *set;
    info_first(code, &has_lit, &lit, &set);
    /* The first code after INFO: a leading \A or ^ fails everywhere after
     * the first position. */
    const TnSreCode *body = code[0] == SRE_OP_INFO ? code + code[1] + 1 : code;
    bool anchored = body[0] == SRE_OP_AT && (body[1] == SRE_AT_BEGINNING || body[1] == SRE_AT_BEGINNING_STRING);
    for (;;) {
        if (has_lit || set != NULL) {
            /* A non-empty match must start with that character. */
            while (ptr < end && (has_lit ? char_at(st, ptr) != lit : !in_charset(set, char_at(st, ptr))))
                ptr++;
            if (ptr >= end)
                return 0;
        }
        st->start = st->ptr = ptr;
        int r = run(st, code, true);
        st->must_advance = false;
        if (r != 0) {
            if (r == SRE_ERROR_MEMORY)
                tn_err_no_memory();
            if (r > 0)
                st->start = ptr;
            return r;
        }
        if (ptr >= end || anchored)
            return 0;
        ptr++;
        tn_sre_state_reset(st);
    }
}

/* ---- validation ---- */

#define VALIDATE_MAX_DEPTH 5000

typedef struct {
    const TnSreCode *code;
    tn_ssize_t ngroups;
} Validator;

static bool valid_charset(const TnSreCode *c, tn_ssize_t i, tn_ssize_t end)
{
    while (i < end) {
        TnSreCode op = c[i++];
        switch (op) {
        case SRE_OP_FAILURE:
            return i == end;
        case SRE_OP_NEGATE:
            break;
        case SRE_OP_LITERAL:
            if (i + 1 > end)
                return false;
            i++;
            break;
        case SRE_OP_CATEGORY:
            if (i + 1 > end || c[i] > SRE_CAT_UNI_NOT_LINEBREAK)
                return false;
            i++;
            break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
            if (i + 2 > end || c[i] > c[i + 1])
                return false;
            i += 2;
            break;
        case SRE_OP_CHARSET:
            if (i + 8 > end)
                return false;
            i += 8;
            break;
        case SRE_OP_BIGCHARSET: {
            if (i + 1 + 64 > end)
                return false;
            uint32_t count = c[i++];
            const uint8_t *blocks = (const uint8_t *)(c + i);
            for (int k = 0; k < 256; k++)
                if (blocks[k] >= count)
                    return false;
            i += 64;
            if ((tn_ssize_t)count > (end - i) / 8)
                return false;
            i += (tn_ssize_t)count * 8;
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

/* An <INFO> block at c[i] (the opcode), skip included.  Returns the index
 * after it or -1. */
static tn_ssize_t valid_info(const TnSreCode *c, tn_ssize_t i, tn_ssize_t end)
{
    if (i + 5 > end)
        return -1;
    tn_ssize_t skip = c[i + 1];
    if (skip < 4 || skip > end - (i + 1))
        return -1;
    tn_ssize_t stop = i + 1 + skip;
    uint32_t flags = c[i + 2];
    if ((flags & ~(uint32_t)(SRE_INFO_PREFIX | SRE_INFO_LITERAL | SRE_INFO_CHARSET)) ||
        ((flags & SRE_INFO_PREFIX) && (flags & SRE_INFO_CHARSET)) ||
        ((flags & SRE_INFO_LITERAL) && !(flags & SRE_INFO_PREFIX)))
        return -1;
    if (c[i + 3] > c[i + 4] && c[i + 4] != TN_SRE_MAXREPEAT)
        return -1;
    if (flags & SRE_INFO_PREFIX) {
        if (i + 7 > stop)
            return -1;
        tn_ssize_t len = c[i + 5];
        if (len < 1 || c[i + 6] > (TnSreCode)len || len > (stop - (i + 7)) / 2)
            return -1;
        for (tn_ssize_t k = 0; k < len; k++)
            if (c[i + 7 + len + k] >= (TnSreCode)len)
                return -1;
    } else if (flags & SRE_INFO_CHARSET) {
        if (!valid_charset(c, i + 5, stop))
            return -1;
    }
    return stop;
}

static bool valid_seq(Validator *v, tn_ssize_t i, tn_ssize_t end, int depth, bool final_jump,
                      tn_ssize_t *jump_target);

/* A one-character REPEAT_ONE body: one item then SUCCESS, exactly [i, end). */
static bool valid_item(const TnSreCode *c, tn_ssize_t i, tn_ssize_t end)
{
    if (i >= end || !is_item_op(c[i]))
        return false;
    tn_ssize_t stop;
    switch (c[i]) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL:
        stop = i + 1;
        break;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        if (i + 2 > end || c[i + 1] < 2 || (tn_ssize_t)c[i + 1] > end - (i + 1) ||
            !valid_charset(c, i + 2, i + 1 + c[i + 1]))
            return false;
        stop = i + 1 + c[i + 1];
        break;
    default:
        stop = i + 2;
        break;
    }
    return stop + 1 == end && c[stop] == SRE_OP_SUCCESS;
}

/* One op at c[*pi]; advances *pi.  false: invalid. */
static bool valid_op(Validator *v, tn_ssize_t *pi, tn_ssize_t end, int depth)
{
    const TnSreCode *c = v->code;
    tn_ssize_t i = *pi;
    TnSreCode op = c[i++];
    switch (op) {
    case SRE_OP_SUCCESS: case SRE_OP_FAILURE: case SRE_OP_ANY: case SRE_OP_ANY_ALL:
        break;
    case SRE_OP_AT:
        if (i >= end || c[i] > SRE_AT_UNI_NON_BOUNDARY)
            return false;
        i++;
        break;
    case SRE_OP_CATEGORY:
        if (i >= end || c[i] > SRE_CAT_UNI_NOT_LINEBREAK)
            return false;
        i++;
        break;
    case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE:
    case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        if (i >= end)
            return false;
        i++;
        break;
    case SRE_OP_MARK:
        if (i >= end || (tn_ssize_t)c[i] >= 2 * v->ngroups)
            return false;
        i++;
        break;
    case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
    case SRE_OP_GROUPREF_LOC_IGNORE:
        if (i >= end || (tn_ssize_t)c[i] >= v->ngroups)
            return false;
        i++;
        break;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        if (i >= end || c[i] < 2 || (tn_ssize_t)c[i] > end - i || !valid_charset(c, i + 1, i + c[i]))
            return false;
        i += c[i];
        break;
    case SRE_OP_INFO:
        i = valid_info(c, i - 1, end);
        if (i < 0)
            return false;
        break;
    case SRE_OP_BRANCH: {
        tn_ssize_t target = -1;
        for (;;) {
            if (i >= end)
                return false;
            tn_ssize_t skip = c[i];
            if (skip == 0) {
                i++;
                break;
            }
            if (skip < 3 || skip > end - i)
                return false;
            tn_ssize_t t;
            if (!valid_seq(v, i + 1, i + skip, depth + 1, true, &t) || t < 0 || (target >= 0 && t != target))
                return false;
            target = t;
            i += skip;
        }
        if (target >= 0 && target != i)
            return false;
        break;
    }
    case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE: {
        if (i + 3 > end)
            return false;
        tn_ssize_t skip = c[i];
        if (skip < 4 || skip > end - i || c[i + 1] > c[i + 2])
            return false;
        if (!valid_item(c, i + 3, i + skip))
            return false;
        i += skip;
        break;
    }
    case SRE_OP_REPEAT: case SRE_OP_POSSESSIVE_REPEAT: {
        if (i + 3 > end)
            return false;
        tn_ssize_t skip = c[i];
        if (skip < 3 || skip >= end - i || c[i + 1] > c[i + 2])
            return false;
        TnSreCode until = c[i + skip];
        if (op == SRE_OP_REPEAT ? (until != SRE_OP_MAX_UNTIL && until != SRE_OP_MIN_UNTIL)
                                : until != SRE_OP_SUCCESS)
            return false;
        if (!valid_seq(v, i + 3, i + skip, depth + 1, false, NULL))
            return false;
        i += skip + 1;
        break;
    }
    case SRE_OP_ATOMIC_GROUP: {
        if (i >= end)
            return false;
        tn_ssize_t skip = c[i];
        if (skip < 2 || skip > end - i || c[i + skip - 1] != SRE_OP_SUCCESS)
            return false;
        if (!valid_seq(v, i + 1, i + skip, depth + 1, false, NULL))
            return false;
        i += skip;
        break;
    }
    case SRE_OP_ASSERT: case SRE_OP_ASSERT_NOT: {
        if (i + 2 > end)
            return false;
        tn_ssize_t skip = c[i];
        if (skip < 3 || skip > end - i || c[i + skip - 1] != SRE_OP_SUCCESS || (c[i + 1] & 0x80000000u))
            return false;
        if (!valid_seq(v, i + 2, i + skip, depth + 1, false, NULL))
            return false;
        i += skip;
        break;
    }
    case SRE_OP_GROUPREF_EXISTS: {
        /* <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no] */
        if (i + 2 > end || (tn_ssize_t)c[i] >= v->ngroups)
            return false;
        tn_ssize_t skip = c[i + 1];
        if (skip < 2 || skip > end - i)
            return false;
        tn_ssize_t yes_end = i + skip;
        tn_ssize_t t = -1;
        /* Either "yes" then a JUMP over "no", or "yes" alone. */
        if (valid_seq(v, i + 2, yes_end, depth + 1, true, &t) && t >= 0) {
            if (t < yes_end || t > end || !valid_seq(v, yes_end, t, depth + 1, false, NULL))
                return false;
            i = t;
        } else if (valid_seq(v, i + 2, yes_end, depth + 1, false, NULL)) {
            i = yes_end;
        } else {
            return false;
        }
        break;
    }
    default:
        return false;
    }
    *pi = i;
    return true;
}

/* The ops of [i, end) exactly.  final_jump: the last op must be a JUMP
 * (its target in *jump_target); otherwise a JUMP is invalid. */
static bool valid_seq(Validator *v, tn_ssize_t i, tn_ssize_t end, int depth, bool final_jump,
                      tn_ssize_t *jump_target)
{
    if (depth > VALIDATE_MAX_DEPTH)
        return false;
    if (jump_target != NULL)
        *jump_target = -1;
    while (i < end) {
        if (v->code[i] == SRE_OP_JUMP) {
            if (!final_jump || i + 2 != end)
                return false;
            *jump_target = i + 1 + (tn_ssize_t)v->code[i + 1];
            return v->code[i + 1] >= 1;
        }
        if (!valid_op(v, &i, end, depth))
            return false;
    }
    return i == end && !final_jump;
}

bool tn_sre_validate(const TnSreCode *code, tn_ssize_t n, tn_ssize_t ngroups)
{
    Validator v = {code, ngroups};
    if (n < 1 || (code[n - 1] != SRE_OP_SUCCESS && code[n - 1] != SRE_OP_FAILURE))
        return false;
    tn_ssize_t i = 0;
    if (code[0] == SRE_OP_INFO) {
        i = valid_info(code, 0, n);
        if (i < 0)
            return false;
    }
    /* The last op must be the final SUCCESS/FAILURE itself, not the
     * operand of another op: every path then ends inside the code. */
    tn_ssize_t last = i;
    while (i < n) {
        last = i;
        if (code[i] == SRE_OP_JUMP || !valid_op(&v, &i, n, 0))
            return false;
    }
    return last == n - 1;
}
