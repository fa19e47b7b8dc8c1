/* core/compiler/parser_internal.h — shared by parser.c, parser_expr.c,
 * parser_stmt.c and parser_string.c.  Not for use outside core/compiler.
 *
 * Files: parser.c (infrastructure, driver), parser_stmt.c (statements),
 * parser_match.c (match statement), parser_expr.c (expressions, targets,
 * call arguments), parser_params.c (def/lambda parameters),
 * parser_string.c (string literals and f-strings).
 *
 * The parser is a hand-written port of CPython 3.11's PEG parser
 * (Grammar/python.gram): one C function per grammar rule, backtracking
 * through a lazily filled token array, with memoisation of the rules
 * CPython memoises.  Left-recursive rules (primary, t_primary, sum, ...)
 * are written as loops.  As in CPython, a failed parse is retried in a
 * second pass with the `invalid_*` rules enabled; they raise the
 * specialised SyntaxError messages.  Rule functions return the node (or a
 * non-NULL marker) on success, NULL on failure; p->error_indicator tells a
 * failure from an error (exception set).
 */
#ifndef TN_PARSER_INTERNAL_H
#define TN_PARSER_INTERNAL_H

#include <stdarg.h>
#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/compiler/tokenizer.h"

/* Rule nesting limit (CPython's MAXSTACK). */
#define TN_PARSER_MAXSTACK 6000

typedef struct TnMemo {
    int type;
    void *node;
    int mark;
    struct TnMemo *next;
} TnMemo;

typedef struct TnPToken {
    TnToken t;
    TnMemo *memo;
} TnPToken;

typedef struct TnTokenChunk TnTokenChunk;

typedef struct TnParser {
    TnTokenizer *tok;
    TnPToken **tokens;
    int fill, size;
    int mark;
    int level;
    int error_indicator;
    int call_invalid_rules;
    TnArena *arena;
    TnCompileMode mode;
    int fstring_mode;               /* parsing an expression of an f-string */
    int parsing_started;            /* single mode: a token other than ENDMARKER was read */
    int starting_lineno, starting_col_offset;
    TnPToken *known_err_token;
    TnTokenChunk *chunks;           /* storage of the tokens */
    const char *filename;
} TnParser;

/* Memo keys: one per memoised rule. */
enum {
    M_SIMPLE_STMT = 1, M_BLOCK, M_CLOSED_PATTERN, M_STAR_PATTERN, M_EXPRESSION,
    M_STAR_EXPRESSION, M_DISJUNCTION, M_CONJUNCTION, M_INVERSION, M_FACTOR,
    M_AWAIT_PRIMARY, M_STRINGS, M_ARGUMENTS, M_STAR_TARGET, M_TARGET_WITH_STAR_ATOM,
    M_DEL_TARGET, M_INVALID_NAMED_EXPRESSION, M_BITWISE_OR, M_BITWISE_XOR,
    M_BITWISE_AND, M_SHIFT_EXPR, M_SUM, M_TERM, M_PRIMARY, M_T_PRIMARY,
    M_DOTTED_NAME, M_ATTR, M_NAME_OR_ATTR
};

/* ---- parser.c: infrastructure ----------------------------------------- */

int tn_pr_fill_token(TnParser *p);
/* Make sure tokens[p->mark] exists (CPython fills it at the start of every
 * rule that records a location).  0 / -1 (error_indicator set). */
static inline int tn_pr_ensure(TnParser *p)
{
    if (p->mark == p->fill && tn_pr_fill_token(p) < 0) {
        p->error_indicator = 1;
        return -1;
    }
    return 0;
}
static inline TnPToken *tn_pr_peek(TnParser *p) { return p->tokens[p->mark]; }

TnPToken *tn_pr_expect(TnParser *p, TnTokType type);
TnPToken *tn_pr_expect_kw(TnParser *p, int kw);
/* &&'x': on mismatch raise "expected 'x'" at the current token. */
TnPToken *tn_pr_expect_forced(TnParser *p, TnTokType type, const char *text);
int tn_pr_lookahead_tok(TnParser *p, int positive, TnTokType type);
int tn_pr_lookahead_kw(TnParser *p, int positive, int kw);
typedef void *(*TnRuleFn)(TnParser *p);
int tn_pr_lookahead(TnParser *p, int positive, TnRuleFn fn);

/* NAME that is not a hard keyword -> Name(Load). */
TnExpr *tn_pr_name_token(TnParser *p);
/* Soft keyword "match"/"case"/"_" -> Name(Load). */
TnExpr *tn_pr_expect_soft_kw(TnParser *p, int kw);
TnPToken *tn_pr_soft_keyword_token(TnParser *p);
TnExpr *tn_pr_number_token(TnParser *p);
TnPToken *tn_pr_string_token(TnParser *p);

int tn_pr_memo_get(TnParser *p, int type, void **res);
int tn_pr_memo_insert(TnParser *p, int mark, int type, void *node);
/* Run raw (a rule function) through the memo table under key `type`. */
void *tn_pr_memoized(TnParser *p, int type, TnRuleFn raw);

/* Locations. */
TnAstLoc tn_pr_extra(TnParser *p, int start_mark);
TnPToken *tn_pr_last_nonwhitespace_token(TnParser *p);

/* Node construction (arena).  NULL + error_indicator on MemoryError. */
void *tn_pr_alloc(TnParser *p, size_t size);
TnExpr *tn_pr_expr(TnParser *p, TnExprKind kind, TnAstLoc loc);
TnStmt *tn_pr_stmt(TnParser *p, TnStmtKind kind, TnAstLoc loc);
TnPattern *tn_pr_pattern(TnParser *p, TnPatternKind kind, TnAstLoc loc);
TnExpr *tn_pr_constant(TnParser *p, TnObject *value_borrowed, TnObject *kind, TnAstLoc loc);
TnExpr *tn_pr_name(TnParser *p, TnObject *id, TnExprContext ctx, TnAstLoc loc);
TnExpr *tn_pr_binop(TnParser *p, TnExpr *l, TnOperator op, TnExpr *r, TnAstLoc loc);
TnExpr *tn_pr_unaryop(TnParser *p, TnUnaryOpKind op, TnExpr *e, TnAstLoc loc);
TnExpr *tn_pr_tuple(TnParser *p, TnAstSeq *elts, TnExprContext ctx, TnAstLoc loc);
TnExpr *tn_pr_call(TnParser *p, TnExpr *func, TnAstSeq *args, TnAstSeq *kws, TnAstLoc loc);
TnExpr *tn_pr_starred(TnParser *p, TnExpr *value, TnExprContext ctx, TnAstLoc loc);
TnExpr *tn_pr_attribute(TnParser *p, TnExpr *value, TnObject *attr, TnExprContext ctx,
                        TnAstLoc loc);
TnExpr *tn_pr_subscript(TnParser *p, TnExpr *value, TnExpr *slice, TnExprContext ctx,
                        TnAstLoc loc);
TnArg *tn_pr_arg(TnParser *p, TnObject *name, TnExpr *annotation, TnAstLoc loc);
TnKeyword *tn_pr_keyword(TnParser *p, TnObject *name, TnExpr *value, TnAstLoc loc);
TnAlias *tn_pr_alias(TnParser *p, TnObject *name, TnObject *asname, TnAstLoc loc);
/* Intern a new identifier from UTF-8 bytes; owned by the arena. */
TnObject *tn_pr_new_identifier(TnParser *p, const char *s, tn_ssize_t len);
/* Hand an object (new reference) to the arena; NULL + error on failure. */
TnObject *tn_pr_arena_object(TnParser *p, TnObject *obj_steal);

/* Sequences. */
TnAstSeq *tn_pr_seq_new(TnParser *p, tn_ssize_t n);
TnAstSeq *tn_pr_seq1(TnParser *p, void *item);
TnAstSeq *tn_pr_seq_prepend(TnParser *p, void *item, TnAstSeq *seq);
TnAstSeq *tn_pr_seq_append(TnParser *p, TnAstSeq *seq, void *item);
TnAstSeq *tn_pr_seq_join(TnParser *p, TnAstSeq *a, TnAstSeq *b);
TnAstSeq *tn_pr_seq_flatten(TnParser *p, TnAstSeq *seqs);
/* elem* (min 0) or elem+ (min 1); an empty result is an empty sequence. */
TnAstSeq *tn_pr_loop(TnParser *p, TnRuleFn fn, int min);
/* ','.elem+ (any separator token) */
TnAstSeq *tn_pr_gather(TnParser *p, TnRuleFn fn, TnTokType sep);

/* Actions. */
TnExpr *tn_pr_set_expr_context(TnParser *p, TnExpr *e, TnExprContext ctx);
const char *tn_pr_expr_name(TnExpr *e);
typedef enum { TN_STAR_TARGETS, TN_DEL_TARGETS, TN_FOR_TARGETS } TnTargetsType;
TnExpr *tn_pr_get_invalid_target(TnExpr *e, TnTargetsType type);
int tn_pr_check_legacy_stmt(TnParser *p, TnExpr *name);
TnExpr *tn_pr_last_comprehension_item(TnComprehension *c);
const char *tn_pr_utf8(TnObject *s);

/* Errors.  All return NULL and set error_indicator (if an error is already
 * set, they keep it).  col/end_col are 0-based byte columns. */
void *tn_pr_raise_error(TnParser *p, TnType *type, const char *fmt, ...);
void *tn_pr_raise_known_location(TnParser *p, TnType *type, int lineno, int col,
                                 int end_lineno, int end_col, const char *fmt, ...);
void *tn_pr_raise_on_loc(TnParser *p, TnAstLoc a, const char *fmt, ...);
void *tn_pr_raise_range(TnParser *p, TnAstLoc a, TnAstLoc b, const char *fmt, ...);
void *tn_pr_raise_starting_from(TnParser *p, TnAstLoc a, const char *fmt, ...);
void *tn_pr_raise_invalid_target(TnParser *p, TnTargetsType type, TnExpr *e);
TnAstLoc tn_pr_tok_loc(TnPToken *t);
void *tn_pr_stack_overflow(TnParser *p);

/* Rule entry/exit. */
#define RULE_ENTER(p)                                           \
    do {                                                        \
        if ((p)->level++ == TN_PARSER_MAXSTACK)                 \
            tn_pr_stack_overflow(p);                            \
        else if (((p)->level & 31) == 0                         \
                 && tn_check_c_stack(" during compilation") < 0) \
            (p)->error_indicator = 1;                           \
        if ((p)->error_indicator) {                             \
            (p)->level--;                                       \
            return NULL;                                        \
        }                                                       \
    } while (0)
#define RULE_RETURN(p, v) do { (p)->level--; return (v); } while (0)
#define RULE_FAIL(p) RULE_RETURN(p, NULL)
/* After a failed alternative: restore the position, stop on errors. */
#define ALT_FAIL(p, mark)                                       \
    do {                                                        \
        (p)->mark = (mark);                                     \
        if ((p)->error_indicator)                               \
            RULE_FAIL(p);                                       \
    } while (0)
#define ENSURE(p) do { if (tn_pr_ensure(p) < 0) RULE_FAIL(p); } while (0)

/* A non-NULL "success" marker for rules that produce nothing useful. */
#define TN_PR_OK ((void *)1)

/* ---- rules shared between files ---------------------------------------- */

/* parser_expr.c */
TnExpr *tn_pr_expressions(TnParser *p);
TnExpr *tn_pr_expression(TnParser *p);
TnExpr *tn_pr_star_expressions(TnParser *p);
TnExpr *tn_pr_star_expression(TnParser *p);
TnExpr *tn_pr_named_expression(TnParser *p);
TnExpr *tn_pr_star_named_expression(TnParser *p);
TnAstSeq *tn_pr_star_named_expressions(TnParser *p);
TnExpr *tn_pr_yield_expr(TnParser *p);
TnExpr *tn_pr_annotated_rhs(TnParser *p);
TnExpr *tn_pr_bitwise_or(TnParser *p);
TnExpr *tn_pr_disjunction(TnParser *p);
TnExpr *tn_pr_star_targets(TnParser *p);
TnExpr *tn_pr_star_target(TnParser *p);
TnExpr *tn_pr_single_target(TnParser *p);
TnExpr *tn_pr_single_subscript_attribute_target(TnParser *p);
TnAstSeq *tn_pr_del_targets(TnParser *p);
TnExpr *tn_pr_arguments(TnParser *p);

/* parser_params.c */
TnArguments *tn_pr_params(TnParser *p);
TnArguments *tn_pr_lambda_params(TnParser *p);
TnArguments *tn_pr_empty_arguments(TnParser *p);

TnExpr *tn_pr_strings(TnParser *p);
TnExpr *tn_pr_list(TnParser *p);
TnExpr *tn_pr_tuple_rule(TnParser *p);
TnExpr *tn_pr_genexp(TnParser *p);
TnExpr *tn_pr_atom(TnParser *p);
TnExpr *tn_pr_assignment_expression(TnParser *p);

/* parser_stmt.c */
TnAstSeq *tn_pr_statements(TnParser *p);
TnAstSeq *tn_pr_statement_newline(TnParser *p);
TnAstSeq *tn_pr_simple_stmts(TnParser *p);
TnAstSeq *tn_pr_block(TnParser *p);
/* NEWLINE !INDENT (consumes the NEWLINE); and the IndentationError
 * "expected an indented block after <what> on line <lineno>". */
int tn_pr_newline_no_indent(TnParser *p);
void *tn_pr_raise_indent_error(TnParser *p, const char *what, int lineno);

/* parser_match.c */
TnStmt *tn_pr_match_stmt(TnParser *p);

/* parser_string.c */
/* Concatenate adjacent STRING tokens (f-strings included) into a Constant
 * or JoinedStr. */
TnExpr *tn_pr_concatenate_strings(TnParser *p, TnAstSeq *tokens);

/* parser.c: parse the expression of an f-string replacement field. */
TnExpr *tn_pr_fstring_compile_expr(TnParser *p, const char *expr_start, const char *expr_end,
                                   TnPToken *t);

#ifdef TN_PARSER_TEST_HOOKS
/* Test builds only: stand-ins for the bytes and complex objects that do not
 * exist yet, so that whole-library parsing can be compared with CPython. */
TnObject *tn_parser_test_complex(const char *s, tn_ssize_t n);
TnObject *tn_parser_test_bytes(const char *s, tn_ssize_t n);
bool tn_parser_test_is_complex(TnObject *o);
#endif

#endif /* TN_PARSER_INTERNAL_H */
