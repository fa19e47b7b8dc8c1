/* core/compiler/compile_match.c — the `match` statement (PEP 634).
 *
 * A line-by-line port of CPython 3.11's pattern compiler (Python/compile.c,
 * compiler_match and compiler_pattern_*); the runtime side is
 * core/vm/match.c.
 *
 * Bytecode
 * --------
 *   match S:             <S>
 *     case P if G: B     [COPY 1]            (not for the last case)
 *                        <P>                 consumes the copy; failures
 *                                            jump to fail_pop[k]
 *                        <store captures>    the captured values sit on the
 *                                            stack, in the order of `stores`
 *                        [<G> POP_JUMP_IF_FALSE fail_pop[0]]
 *                        [POP_TOP]           the subject (not for the last case)
 *                        <B>; JUMP_FORWARD end
 *       fail_pop[n]:     POP_TOP
 *       ...              POP_TOP
 *       fail_pop[0]:     (next case)
 *     case _: B          NOP; <B>            (a trailing wildcard without a
 *                                            guard: no copy, no test)
 *   end:
 *
 * While a pattern is compiled, `on_top` counts the items above the
 * captures that must survive (the subject of a sequence check, the
 * unpacked items still to match, ...) and `stores` lists the names
 * captured so far, whose values sit right below those items.  A failure
 * with k = on_top + len(stores) items to drop jumps to fail_pop[k], a
 * chain of POP_TOPs ending at fail_pop[0].
 *
 *   value      <v>; COMPARE_OP ==; POP_JUMP_IF_FALSE fail
 *   singleton  LOAD_CONST c; IS_OP 0; POP_JUMP_IF_FALSE fail
 *   capture    SWAP k ... (rotate under the kept items); store later
 *   wildcard   POP_TOP
 *   sequence   MATCH_SEQUENCE; POP_JUMP_IF_FALSE; GET_LEN; LOAD_CONST n;
 *              COMPARE_OP == (>= n-1 with a star); POP_JUMP_IF_FALSE;
 *              UNPACK_SEQUENCE n / UNPACK_EX, then each sub-pattern
 *              (a `*_` star uses COPY 1; <index>; BINARY_SUBSCR instead)
 *   mapping    MATCH_MAPPING; POP_JUMP_IF_FALSE; [GET_LEN; LOAD_CONST n;
 *              COMPARE_OP >=; POP_JUMP_IF_FALSE]; <keys>; BUILD_TUPLE n;
 *              MATCH_KEYS; COPY 1; LOAD_CONST None; IS_OP 1;
 *              POP_JUMP_IF_FALSE; UNPACK_SEQUENCE n; sub-patterns;
 *              COPY_DICT_WITHOUT_KEYS (**rest) or POP_TOP; POP_TOP
 *   class      <cls>; LOAD_CONST (kw names); MATCH_CLASS nargs; COPY 1;
 *              LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE;
 *              UNPACK_SEQUENCE n; sub-patterns
 *   as         COPY 1; <pattern>; capture
 *   or         per alternative: COPY 1; <alt>; (reorder captures);
 *              JUMP_FORWARD end; its own fail_pop chain; after the last:
 *              POP_TOP; JUMP_FORWARD fail.  end: rotate the captures into
 *              place; POP_TOP
 */
#include <string.h>
#include "core/compiler/compile_internal.h"

/* Names captured so far (borrowed identifiers owned by the AST arena). */
typedef struct NameList {
    TnObject **items;
    tn_ssize_t n, cap;
} NameList;

typedef struct PatternContext {
    NameList stores;
    bool allow_irrefutable;
    int *fail_pop;               /* labels: fail_pop[k] pops k items */
    tn_ssize_t fail_pop_size;
    tn_ssize_t on_top;
} PatternContext;

static int compile_pattern(TnCompiler *c, TnPattern *p, PatternContext *pc);

#define WILDCARD_CHECK(p) ((p)->kind == TN_PAT_AS && (p)->v.as.name == NULL)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == TN_PAT_STAR && (p)->v.star.name == NULL)

/* ---- name lists ---------------------------------------------------------- */

static int names_append(NameList *l, TnObject *name)
{
    if (l->n == l->cap) {
        tn_ssize_t cap = l->cap ? l->cap * 2 : 8;
        TnObject **items = tn_mem_realloc(l->items, (size_t)cap * sizeof(TnObject *));
        if (items == NULL) {
            tn_err_no_memory();
            return -1;
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = name;
    return 0;
}

static tn_ssize_t names_index(const NameList *l, TnObject *name)
{
    for (tn_ssize_t i = 0; i < l->n; i++)
        if (tn_str_eq(l->items[i], name))
            return i;
    return -1;
}

static void names_clear(NameList *l)
{
    tn_mem_free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* ---- helpers ------------------------------------------------------------- */

static const char *name_utf8(TnObject *name)
{
    const char *s = tn_str_utf8(name, NULL);
    return s != NULL ? s : "?";
}

/* Make fail_pop[0..n] exist. */
static int ensure_fail_pop(TnCompiler *c, PatternContext *pc, tn_ssize_t n)
{
    tn_ssize_t size = n + 1;
    if (size <= pc->fail_pop_size)
        return 0;
    int *labels = tn_mem_realloc(pc->fail_pop, (size_t)size * sizeof(int));
    if (labels == NULL) {
        tn_err_no_memory();
        return -1;
    }
    pc->fail_pop = labels;
    for (; pc->fail_pop_size < size; pc->fail_pop_size++) {
        int l = tn_comp_new_label(c);
        if (l < 0)
            return -1;
        pc->fail_pop[pc->fail_pop_size] = l;
    }
    return 0;
}

/* Jump (op) to the failure label that pops everything this pattern keeps. */
static int jump_to_fail_pop(TnCompiler *c, PatternContext *pc, int op)
{
    tn_ssize_t pops = pc->on_top + pc->stores.n;
    TN_TRY(ensure_fail_pop(c, pc, pops));
    if (op == TN_JUMP_FORWARD)
        return tn_comp_emit_goto(c, pc->fail_pop[pops]);
    return tn_comp_emit_jump(c, op, pc->fail_pop[pops]);
}

/* Bind the chain of POP_TOPs and forget the labels. */
static int emit_and_reset_fail_pop(TnCompiler *c, PatternContext *pc)
{
    if (pc->fail_pop_size == 0)
        return 0;
    while (--pc->fail_pop_size) {
        tn_comp_bind_label(c, pc->fail_pop[pc->fail_pop_size]);
        if (tn_comp_emit(c, TN_POP_TOP, 0) < 0) {
            pc->fail_pop_size++;
            return -1;
        }
    }
    tn_comp_bind_label(c, pc->fail_pop[0]);
    tn_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    return 0;
}

static int pattern_helper_rotate(TnCompiler *c, tn_ssize_t count)
{
    while (count > 1)
        TN_TRY(tn_comp_emit(c, TN_SWAP, (int)count--));
    return 0;
}

static int error_duplicate_store(TnCompiler *c, TnObject *name)
{
    return tn_comp_error(c, "multiple assignments to name '%s' in pattern", name_utf8(name));
}

/* Capture the value on top of the stack (NULL name: drop it). */
static int pattern_helper_store_name(TnCompiler *c, TnObject *name, PatternContext *pc)
{
    if (name == NULL)
        return tn_comp_emit(c, TN_POP_TOP, 0);
    if (tn_str_eq_cstr(name, "__debug__"))
        return tn_comp_error(c, "cannot assign to __debug__");
    if (names_index(&pc->stores, name) >= 0)
        return error_duplicate_store(c, name);
    /* Rotate the value underneath the items we must preserve. */
    TN_TRY(pattern_helper_rotate(c, pc->on_top + pc->stores.n + 1));
    return names_append(&pc->stores, name);
}

/* compile_pattern with the irrefutability check turned off. */
static int compile_subpattern(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    int r = compile_pattern(c, p, pc);
    pc->allow_irrefutable = allow;
    return r;
}

static int emit_load_ssize(TnCompiler *c, tn_ssize_t n)
{
    TnObject *v = tn_int_from_ssize(n);
    if (v == NULL)
        return -1;
    return tn_comp_emit_const_steal(c, v);
}

/* ---- value, singleton, as, star ------------------------------------------ */

static int compile_pattern_value(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    /* The parser makes only literals, -n, a+bj and attribute lookups; a
     * tree built from AST objects may hold an f-string (which CPython's
     * validator lets through for its compiler to refuse). */
    if (p->v.value.value->kind == TN_EXPR_JOINEDSTR)
        return tn_comp_error(c, "patterns may only match literals and attribute lookups");
    TN_TRY(tn_comp_expr(c, p->v.value.value));
    TN_TRY(tn_comp_emit(c, TN_COMPARE_OP, TN_EQ));
    return jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE);
}

static int compile_pattern_singleton(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    TN_TRY(tn_comp_emit_const(c, p->v.singleton.value));
    TN_TRY(tn_comp_emit(c, TN_IS_OP, 0));
    return jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE);
}

static int compile_pattern_as(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    if (p->v.as.pattern == NULL) {
        /* An irrefutable match. */
        if (!pc->allow_irrefutable) {
            if (p->v.as.name != NULL)
                return tn_comp_error(c, "name capture '%s' makes remaining patterns unreachable",
                                     name_utf8(p->v.as.name));
            return tn_comp_error(c, "wildcard makes remaining patterns unreachable");
        }
        return pattern_helper_store_name(c, p->v.as.name, pc);
    }
    /* Keep a copy for storing after the sub-pattern matched. */
    pc->on_top++;
    TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    TN_TRY(compile_pattern(c, p->v.as.pattern, pc));
    pc->on_top--;
    return pattern_helper_store_name(c, p->v.as.name, pc);
}

/* ---- sequences -------------------------------------------------------------- */

static int pattern_unpack_helper(TnCompiler *c, TnAstSeq *elts)
{
    tn_ssize_t n = tn_ast_seq_len(elts);
    bool seen_star = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnPattern *elt = TN_SEQ_GET(elts, i);
        if (elt->kind == TN_PAT_STAR && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (INT32_MAX >> 8))
                return tn_comp_error(c, "too many expressions in star-unpacking sequence pattern");
            TN_TRY(tn_comp_emit(c, TN_UNPACK_EX, (int)(i + ((n - i - 1) << 8))));
            seen_star = true;
        } else if (elt->kind == TN_PAT_STAR) {
            return tn_comp_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        TN_TRY(tn_comp_emit(c, TN_UNPACK_SEQUENCE, (int)n));
    return 0;
}

static int pattern_helper_sequence_unpack(TnCompiler *c, TnAstSeq *patterns, PatternContext *pc)
{
    TN_TRY(pattern_unpack_helper(c, patterns));
    tn_ssize_t size = tn_ast_seq_len(patterns);
    /* The unpacked items stay on the stack while each is matched. */
    pc->on_top += size;
    for (tn_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        TN_TRY(compile_subpattern(c, TN_SEQ_GET(patterns, i), pc));
    }
    return 0;
}

/* Like pattern_helper_sequence_unpack, with BINARY_SUBSCR: for patterns
 * with a starred wildcard ([first, *_], [first, *_, last], ...). */
static int pattern_helper_sequence_subscr(TnCompiler *c, TnAstSeq *patterns, tn_ssize_t star,
                                          PatternContext *pc)
{
    pc->on_top++;   /* the subject, to extract elements from */
    tn_ssize_t size = tn_ast_seq_len(patterns);
    for (tn_ssize_t i = 0; i < size; i++) {
        TnPattern *pattern = TN_SEQ_GET(patterns, i);
        if (WILDCARD_CHECK(pattern) || i == star)
            continue;
        TN_TRY(tn_comp_emit(c, TN_COPY, 1));
        if (i < star) {
            TN_TRY(emit_load_ssize(c, i));
        } else {
            /* The subject may not support negative indexing. */
            TN_TRY(tn_comp_emit(c, TN_GET_LEN, 0));
            TN_TRY(emit_load_ssize(c, size - i));
            TN_TRY(tn_comp_emit(c, TN_BINARY_OP, TN_OP_SUB));
        }
        TN_TRY(tn_comp_emit(c, TN_BINARY_SUBSCR, 0));
        TN_TRY(compile_subpattern(c, pattern, pc));
    }
    pc->on_top--;
    return tn_comp_emit(c, TN_POP_TOP, 0);
}

static int compile_pattern_sequence(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    TnAstSeq *patterns = p->v.sequence.patterns;
    tn_ssize_t size = tn_ast_seq_len(patterns);
    tn_ssize_t star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (tn_ssize_t i = 0; i < size; i++) {
        TnPattern *pattern = TN_SEQ_GET(patterns, i);
        if (pattern->kind == TN_PAT_STAR) {
            if (star >= 0)
                return tn_comp_error(c, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(pattern);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(pattern);
    }
    /* Keep the subject on top during the type and length checks. */
    pc->on_top++;
    TN_TRY(tn_comp_emit(c, TN_MATCH_SEQUENCE, 0));
    TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    if (star < 0) {
        TN_TRY(tn_comp_emit(c, TN_GET_LEN, 0));
        TN_TRY(emit_load_ssize(c, size));
        TN_TRY(tn_comp_emit(c, TN_COMPARE_OP, TN_EQ));
        TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    } else if (size > 1) {
        TN_TRY(tn_comp_emit(c, TN_GET_LEN, 0));
        TN_TRY(emit_load_ssize(c, size - 1));
        TN_TRY(tn_comp_emit(c, TN_COMPARE_OP, TN_GE));
        TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    }
    /* Whatever comes next consumes the subject. */
    pc->on_top--;
    if (only_wildcard)
        return tn_comp_emit(c, TN_POP_TOP, 0);
    if (star_wildcard)
        return pattern_helper_sequence_subscr(c, patterns, star, pc);
    return pattern_helper_sequence_unpack(c, patterns, pc);
}

/* ---- mappings --------------------------------------------------------------- */

/* The value of a literal key (what CPython's AST optimizer folds: -1,
 * 1+2j): 1 with *out, 0 if not a literal, -1 on error. */
static int fold_key(TnExpr *e, TnObject **out)
{
    switch (e->kind) {
    case TN_EXPR_CONSTANT:
        *out = tn_newref(e->v.constant.value);
        return 1;
    case TN_EXPR_UNARYOP: {
        TnObject *v;
        int r = e->v.unaryop.op == TN_UOP_USUB ? fold_key(e->v.unaryop.operand, &v) : 0;
        if (r <= 0)
            return r;
        *out = tn_number_negative(v);
        tn_decref(v);
        return *out != NULL ? 1 : -1;
    }
    case TN_EXPR_BINOP: {
        TnObject *a, *b;
        if (e->v.binop.op != TN_OP_ADD && e->v.binop.op != TN_OP_SUB)
            return 0;
        int r = fold_key(e->v.binop.left, &a);
        if (r <= 0)
            return r;
        r = fold_key(e->v.binop.right, &b);
        if (r <= 0) {
            tn_decref(a);
            return r;
        }
        *out = tn_number_binop(a, b, (int)e->v.binop.op);
        tn_decref(a);
        tn_decref(b);
        return *out != NULL ? 1 : -1;
    }
    default:
        return 0;
    }
}

/* Push the keys, checking literal keys for duplicates. */
static int compile_mapping_keys(TnCompiler *c, TnAstSeq *keys)
{
    TnObject *seen = tn_set_new(NULL);
    if (seen == NULL)
        return -1;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(keys); i++) {
        TnExpr *key = TN_SEQ_GET(keys, i);
        TnObject *v;
        int r = fold_key(key, &v);
        if (r < 0)
            goto error;
        if (r > 0) {
            int in_seen = tn_set_contains(seen, v);
            if (in_seen > 0) {
                TnObject *repr = tn_object_repr(v);
                if (repr != NULL)
                    tn_comp_error(c, "mapping pattern checks duplicate key (%s)", name_utf8(repr));
                tn_xdecref(repr);
            }
            if (in_seen != 0 || tn_set_add(seen, v) < 0) {
                tn_decref(v);
                goto error;
            }
            tn_decref(v);
        } else if (key->kind != TN_EXPR_ATTRIBUTE) {
            tn_comp_error(c, "mapping pattern keys may only match literals and attribute lookups");
            goto error;
        }
        if (tn_comp_expr(c, key) < 0)
            goto error;
    }
    tn_decref(seen);
    return 0;
error:
    tn_decref(seen);
    return -1;
}

static int compile_pattern_mapping(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    TnAstSeq *keys = p->v.mapping.keys;
    TnAstSeq *patterns = p->v.mapping.patterns;
    tn_ssize_t size = tn_ast_seq_len(keys);
    if (size != tn_ast_seq_len(patterns))
        return tn_comp_error(c, "keys (%zd) / patterns (%zd) length mismatch in mapping pattern",
                             size, tn_ast_seq_len(patterns));
    TnObject *star_target = p->v.mapping.rest;
    /* Keep the subject on top during the type and length checks. */
    pc->on_top++;
    TN_TRY(tn_comp_emit(c, TN_MATCH_MAPPING, 0));
    TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    if (size == 0 && star_target == NULL) {
        /* `{}`: done; pop the subject. */
        pc->on_top--;
        return tn_comp_emit(c, TN_POP_TOP, 0);
    }
    if (size > 0) {
        TN_TRY(tn_comp_emit(c, TN_GET_LEN, 0));
        TN_TRY(emit_load_ssize(c, size));
        TN_TRY(tn_comp_emit(c, TN_COMPARE_OP, TN_GE));
        TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    }
    TN_TRY(compile_mapping_keys(c, keys));
    TN_TRY(tn_comp_emit(c, TN_BUILD_TUPLE, (int)size));
    TN_TRY(tn_comp_emit(c, TN_MATCH_KEYS, 0));
    /* [subject, keys, values]: the keys tuple and the values on top. */
    pc->on_top += 2;
    TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    TN_TRY(tn_comp_emit(c, TN_IS_OP, 1));
    TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    TN_TRY(tn_comp_emit(c, TN_UNPACK_SEQUENCE, (int)size));
    pc->on_top += size - 1;
    for (tn_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        TN_TRY(compile_subpattern(c, TN_SEQ_GET(patterns, i), pc));
    }
    /* A match: what follows consumes the keys tuple, then the subject. */
    pc->on_top--;
    if (star_target != NULL) {
        TN_TRY(tn_comp_emit(c, TN_COPY_DICT_WITHOUT_KEYS, 0));
        TN_TRY(pattern_helper_store_name(c, star_target, pc));
    } else {
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    }
    pc->on_top--;
    return tn_comp_emit(c, TN_POP_TOP, 0);
}

/* ---- classes ---------------------------------------------------------------- */

static int validate_kwd_attrs(TnCompiler *c, TnAstSeq *attrs, TnAstSeq *patterns)
{
    tn_ssize_t n = tn_ast_seq_len(attrs);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *attr = TN_SEQ_GET(attrs, i);
        TnPattern *pi = TN_SEQ_GET(patterns, i);
        if (tn_str_eq_cstr(attr, "__debug__"))
            return tn_comp_error_at(c, pi->loc, "cannot assign to __debug__");
        for (tn_ssize_t j = i + 1; j < n; j++) {
            if (tn_str_eq(attr, TN_SEQ_GET(attrs, j))) {
                TnPattern *pj = TN_SEQ_GET(patterns, j);
                return tn_comp_error_at(c, pj->loc, "attribute name repeated in class pattern: %s",
                                        name_utf8(attr));
            }
        }
    }
    return 0;
}

static int compile_pattern_class(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    TnAstSeq *patterns = p->v.class_.patterns;
    TnAstSeq *kwd_attrs = p->v.class_.kwd_attrs;
    TnAstSeq *kwd_patterns = p->v.class_.kwd_patterns;
    tn_ssize_t nargs = tn_ast_seq_len(patterns);
    tn_ssize_t nattrs = tn_ast_seq_len(kwd_attrs);
    if (nattrs != tn_ast_seq_len(kwd_patterns))
        return tn_comp_error(c, "kwd_attrs (%zd) / kwd_patterns (%zd) length mismatch in class pattern",
                             nattrs, tn_ast_seq_len(kwd_patterns));
    if (nargs + nattrs > (1 << 20))
        return tn_comp_error(c, "too many sub-patterns in class pattern");
    if (nattrs > 0)
        TN_TRY(validate_kwd_attrs(c, kwd_attrs, kwd_patterns));
    TN_TRY(tn_comp_expr(c, p->v.class_.cls));
    tn_comp_set_loc(c, p->loc);
    TnObject *attr_names = tn_tuple_new(nattrs);
    if (attr_names == NULL)
        return -1;
    for (tn_ssize_t i = 0; i < nattrs; i++)
        tn_tuple_set_steal(attr_names, i, tn_newref(TN_SEQ_GET(kwd_attrs, i)));
    TN_TRY(tn_comp_emit_const_steal(c, attr_names));
    TN_TRY(tn_comp_emit(c, TN_MATCH_CLASS, (int)nargs));
    TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    TN_TRY(tn_comp_emit(c, TN_IS_OP, 1));
    /* The tuple of nargs + nattrs attributes (or None) is on top. */
    pc->on_top++;
    TN_TRY(jump_to_fail_pop(c, pc, TN_POP_JUMP_IF_FALSE));
    TN_TRY(tn_comp_emit(c, TN_UNPACK_SEQUENCE, (int)(nargs + nattrs)));
    pc->on_top += nargs + nattrs - 1;
    for (tn_ssize_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        TnPattern *pattern = i < nargs ? TN_SEQ_GET(patterns, i) : TN_SEQ_GET(kwd_patterns, i - nargs);
        if (WILDCARD_CHECK(pattern)) {
            TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
            continue;
        }
        TN_TRY(compile_subpattern(c, pattern, pc));
    }
    return 0;
}

/* ---- or-patterns -------------------------------------------------------------- */

/* One alternative compiled into pc (fresh stores, fail_pop, on_top 0);
 * check its captures against control and reorder them on the stack to
 * control's order.  Returns 0, or -1 (error set). */
static int or_check_alternative(TnCompiler *c, PatternContext *pc, NameList *control, bool first)
{
    tn_ssize_t nstores = pc->stores.n;
    if (first) {
        /* The first alternative's names are the reference for the others. */
        for (tn_ssize_t i = 0; i < nstores; i++)
            TN_TRY(names_append(control, pc->stores.items[i]));
        return 0;
    }
    if (nstores != control->n)
        return tn_comp_error(c, "alternative patterns bind different names");
    for (tn_ssize_t icontrol = nstores; icontrol-- > 0;) {
        TnObject *name = control->items[icontrol];
        tn_ssize_t istores = names_index(&pc->stores, name);
        if (istores < 0)
            return tn_comp_error(c, "alternative patterns bind different names");
        if (icontrol == istores)
            continue;
        /* Move stores[0:istores+1] to start at icontrol - istores: that is
         * istores + 1 single rotations of stores[0:icontrol+1] (first item
         * to position icontrol), done to the stack alike. */
        for (tn_ssize_t rotations = istores + 1; rotations > 0; rotations--) {
            TnObject *head = pc->stores.items[0];
            memmove(pc->stores.items, pc->stores.items + 1, (size_t)icontrol * sizeof(TnObject *));
            pc->stores.items[icontrol] = head;
            TN_TRY(pattern_helper_rotate(c, icontrol + 1));
        }
    }
    return 0;
}

static int compile_pattern_or_inner(TnCompiler *c, TnPattern *p, PatternContext *pc,
                                    PatternContext *old_pc, NameList *control)
{
    int end = tn_comp_new_label(c);
    if (end < 0)
        return -1;
    tn_ssize_t size = tn_ast_seq_len(p->v.or_.patterns);
    for (tn_ssize_t i = 0; i < size; i++) {
        TnPattern *alt = TN_SEQ_GET(p->v.or_.patterns, i);
        tn_comp_set_loc(c, alt->loc);
        names_clear(&pc->stores);
        /* An irrefutable alternative must be last, if allowed at all. */
        pc->allow_irrefutable = i == size - 1 && old_pc->allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        TN_TRY(tn_comp_emit(c, TN_COPY, 1));
        TN_TRY(compile_pattern(c, alt, pc));
        TN_TRY(or_check_alternative(c, pc, control, i == 0));
        TN_TRY(tn_comp_emit_goto(c, end));
        TN_TRY(emit_and_reset_fail_pop(c, pc));
    }
    names_clear(&pc->stores);
    /* Back to the enclosing context; no alternative matched: pop the
     * remaining copy of the subject and fail. */
    *pc = *old_pc;
    old_pc->stores.items = NULL;
    old_pc->fail_pop = NULL;
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    TN_TRY(jump_to_fail_pop(c, pc, TN_JUMP_FORWARD));
    tn_comp_bind_label(c, end);
    /* Between the new captures and their place: the other new captures,
     * the copy of the subject, the kept items, and the earlier captures. */
    tn_ssize_t nstores = control->n;
    tn_ssize_t nrots = nstores + 1 + pc->on_top + pc->stores.n;
    for (tn_ssize_t i = 0; i < nstores; i++) {
        TN_TRY(pattern_helper_rotate(c, nrots));
        TnObject *name = control->items[i];
        if (names_index(&pc->stores, name) >= 0)
            return error_duplicate_store(c, name);
        TN_TRY(names_append(&pc->stores, name));
    }
    /* Pop the copy of the subject. */
    return tn_comp_emit(c, TN_POP_TOP, 0);
}

static int compile_pattern_or(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    /* pc is reused for each alternative; keep the original. */
    PatternContext old_pc = *pc;
    pc->stores = (NameList){0};
    NameList control = {0};
    int r = compile_pattern_or_inner(c, p, pc, &old_pc, &control);
    names_clear(&control);
    if (old_pc.stores.items != NULL || old_pc.fail_pop != NULL) {
        /* Failed before pc was restored: free the alternative's state and
         * put the original back so the caller frees it. */
        names_clear(&pc->stores);
        tn_mem_free(pc->fail_pop);
        *pc = old_pc;
    }
    return r;
}

/* ---- dispatch ----------------------------------------------------------------- */

static int compile_pattern_inner(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    tn_comp_set_loc(c, p->loc);
    switch (p->kind) {
    case TN_PAT_VALUE:
        return compile_pattern_value(c, p, pc);
    case TN_PAT_SINGLETON:
        return compile_pattern_singleton(c, p, pc);
    case TN_PAT_SEQUENCE:
        return compile_pattern_sequence(c, p, pc);
    case TN_PAT_MAPPING:
        return compile_pattern_mapping(c, p, pc);
    case TN_PAT_CLASS:
        return compile_pattern_class(c, p, pc);
    case TN_PAT_STAR:
        return pattern_helper_store_name(c, p->v.star.name, pc);
    case TN_PAT_AS:
        return compile_pattern_as(c, p, pc);
    case TN_PAT_OR:
        return compile_pattern_or(c, p, pc);
    }
    tn_err_set_str(&tn_exc_SystemError, "compiler: unknown pattern kind");
    return -1;
}

static int compile_pattern(TnCompiler *c, TnPattern *p, PatternContext *pc)
{
    TN_TRY(tn_comp_enter_recursion(c));
    int r = compile_pattern_inner(c, p, pc);
    tn_comp_leave_recursion(c);
    return r;
}

/* ---- the statement -------------------------------------------------------------- */

/* One case (not a trailing wildcard): the pattern, the stores, the guard,
 * the body, then the failure chain. */
static int compile_case(TnCompiler *c, TnMatchCase *m, PatternContext *pc, bool copy_subject,
                        bool last, int end)
{
    /* Only copy the subject if this is not the last case. */
    if (copy_subject)
        TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    pc->allow_irrefutable = m->guard != NULL || last;
    TN_TRY(compile_pattern(c, m->pattern, pc));
    /* A match: store the captured names (their values are on the stack). */
    for (tn_ssize_t n = 0; n < pc->stores.n; n++)
        TN_TRY(tn_comp_nameop(c, pc->stores.items[n], TN_CTX_STORE));
    if (m->guard != NULL) {
        TN_TRY(ensure_fail_pop(c, pc, 0));
        TN_TRY(tn_comp_jump_if(c, m->guard, pc->fail_pop[0], false));
    }
    /* Done with the subject. */
    if (copy_subject)
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    TN_TRY(tn_comp_stmts(c, m->body));
    TN_TRY(tn_comp_emit_goto(c, end));
    /* The failure cleanup belongs to the pattern's line, not the body's. */
    tn_comp_set_loc(c, m->pattern->loc);
    return emit_and_reset_fail_pop(c, pc);
}

int tn_comp_match(TnCompiler *c, TnStmt *s)
{
    TnAstSeq *cases = s->v.match.cases;
    tn_ssize_t ncases = tn_ast_seq_len(cases);
    int end = tn_comp_new_label(c);
    if (end < 0)
        return -1;
    TN_TRY(tn_comp_expr(c, s->v.match.subject));
    if (ncases == 0)   /* the parser never produces this */
        return tn_comp_emit(c, TN_POP_TOP, 0);
    TnMatchCase *last = TN_SEQ_GET(cases, ncases - 1);
    bool has_default = WILDCARD_CHECK(last->pattern) && ncases > 1;
    tn_ssize_t ntested = ncases - (has_default ? 1 : 0);
    for (tn_ssize_t i = 0; i < ntested; i++) {
        PatternContext pc = {0};
        int r = compile_case(c, TN_SEQ_GET(cases, i), &pc, i != ntested - 1, i == ncases - 1, end);
        names_clear(&pc.stores);
        tn_mem_free(pc.fail_pop);
        if (r < 0)
            return -1;
    }
    if (has_default) {
        /* A trailing `case _:` needs no copy and no test; NOP keeps its line. */
        tn_comp_set_loc(c, last->pattern->loc);
        TN_TRY(tn_comp_emit(c, TN_NOP, 0));
        if (last->guard != NULL)
            TN_TRY(tn_comp_jump_if(c, last->guard, end, false));
        TN_TRY(tn_comp_stmts(c, last->body));
    }
    tn_comp_bind_label(c, end);
    return 0;
}
