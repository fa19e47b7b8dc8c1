/* core/compiler/parser_params.c — grammar rules for the parameters of
 * def and lambda (CPython 3.11's params / lambda_params and their
 * invalid_* rules).  Conventions: see parser_internal.h and the top of
 * parser_expr.c.
 */
#include <string.h>
#include "core/compiler/parser_internal.h"

#define TOK(t) tn_pr_expect(p, (t))
#define LOOK(pos, t) tn_pr_lookahead_tok(p, (pos), (t))
#define EXTRA tn_pr_extra(p, mark)
#define INVALID (p->call_invalid_rules)

typedef struct { TnArg *arg; TnExpr *value; } NameDefaultPair;
typedef struct { TnAstSeq *plain_names; TnAstSeq *names_with_defaults; } SlashWithDefault;
typedef struct { TnArg *vararg; TnAstSeq *kwonlyargs; TnArg *kwarg; } StarEtc;

/* ======================================================================
 * Function parameters (def and lambda share the code: `lam` selects the
 * lambda variant, where parameters have no annotations and the list ends
 * at ':' instead of ')')
 * ==================================================================== */

TnArguments *tn_pr_empty_arguments(TnParser *p)
{
    TnArguments *a = tn_pr_alloc(p, sizeof(TnArguments));
    return a;
}

static NameDefaultPair *name_default_pair(TnParser *p, TnArg *arg, TnExpr *value)
{
    NameDefaultPair *n = tn_pr_alloc(p, sizeof(NameDefaultPair));
    if (n != NULL) {
        n->arg = arg;
        n->value = value;
    }
    return n;
}

/* annotation: ':' expression;  star_annotation: ':' star_expression */
static TnExpr *annotation_rule(TnParser *p, int star)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_COLON) && (a = star ? tn_pr_star_expression(p) : tn_pr_expression(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* param: NAME annotation?  /  lambda_param: NAME  /  param_star_annotation: NAME star_annotation */
static TnArg *param_rule(TnParser *p, int lam, int star_annotation)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_name_token(p), *b = NULL;
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    if (star_annotation) {
        if ((b = annotation_rule(p, 1)) == NULL) {
            p->mark = mark;
            RULE_FAIL(p);
        }
    }
    else if (!lam) {
        b = annotation_rule(p, 0);
        if (p->error_indicator)
            RULE_FAIL(p);
    }
    RULE_RETURN(p, tn_pr_arg(p, a->v.name.id, b, EXTRA));
}

/* The terminator after a parameter: ')' for def, ':' for lambda. */
#define PARAM_END(lam) ((lam) ? TN_TOK_COLON : TN_TOK_RPAR)

static TnExpr *default_rule(TnParser *p);

/* param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
 * (kind 0: no default, 1: star annotation variant) */
static TnArg *param_no_default_impl(TnParser *p, int lam, int star_ann)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnArg *a;
    if ((a = param_rule(p, lam, star_ann)) && TOK(TN_TOK_COMMA))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = param_rule(p, lam, star_ann)) && LOOK(1, PARAM_END(lam)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* param_with_default: param default ',' | param default &')' */
static NameDefaultPair *param_with_default_impl(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnArg *a;
    TnExpr *c;
    if ((a = param_rule(p, lam, 0)) && (c = default_rule(p)) && TOK(TN_TOK_COMMA))
        RULE_RETURN(p, name_default_pair(p, a, c));
    ALT_FAIL(p, mark);
    if ((a = param_rule(p, lam, 0)) && (c = default_rule(p)) && LOOK(1, PARAM_END(lam)))
        RULE_RETURN(p, name_default_pair(p, a, c));
    p->mark = mark;
    RULE_FAIL(p);
}

/* param_maybe_default: param default? ',' | param default? &')' */
static NameDefaultPair *param_maybe_default_impl(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    for (int alt = 0; alt < 2; alt++) {
        TnArg *a = param_rule(p, lam, 0);
        if (a != NULL) {
            TnExpr *c = default_rule(p);
            if (p->error_indicator)
                RULE_FAIL(p);
            if (alt == 0 ? TOK(TN_TOK_COMMA) != NULL : LOOK(1, PARAM_END(lam)))
                RULE_RETURN(p, name_default_pair(p, a, c));
        }
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

static void *param_no_default(TnParser *p) { return param_no_default_impl(p, 0, 0); }
static void *lambda_param_no_default(TnParser *p) { return param_no_default_impl(p, 1, 0); }
static void *param_with_default(TnParser *p) { return param_with_default_impl(p, 0); }
static void *lambda_param_with_default(TnParser *p) { return param_with_default_impl(p, 1); }
static void *param_maybe_default(TnParser *p) { return param_maybe_default_impl(p, 0); }
static void *lambda_param_maybe_default(TnParser *p) { return param_maybe_default_impl(p, 1); }
static void *lambda_param(TnParser *p) { return param_rule(p, 1, 0); }

#define P_NO_DEFAULT(lam) ((lam) ? lambda_param_no_default : param_no_default)
#define P_WITH_DEFAULT(lam) ((lam) ? lambda_param_with_default : param_with_default)
#define P_MAYBE_DEFAULT(lam) ((lam) ? lambda_param_maybe_default : param_maybe_default)

/* invalid_default: a='=' &(')'|',') { RAISE_LOC(a, "expected default value expression") } */
static void *invalid_default_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if ((a = TOK(TN_TOK_EQUAL)) && (LOOK(1, TN_TOK_RPAR) || LOOK(1, TN_TOK_COMMA)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(a), "expected default value expression"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* default: '=' expression | invalid_default */
static TnExpr *default_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_EQUAL) && (a = tn_pr_expression(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_default_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')' */
static TnAstSeq *slash_no_default_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a;
    if ((a = tn_pr_loop(p, P_NO_DEFAULT(lam), 1)) && TOK(TN_TOK_SLASH) && TOK(TN_TOK_COMMA))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_loop(p, P_NO_DEFAULT(lam), 1)) && TOK(TN_TOK_SLASH)
        && LOOK(1, PARAM_END(lam)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* slash_with_default:
 *   | param_no_default* param_with_default+ '/' ','
 *   | param_no_default* param_with_default+ '/' &')' */
static SlashWithDefault *slash_with_default_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    for (int alt = 0; alt < 2; alt++) {
        TnAstSeq *a, *b;
        if ((a = tn_pr_loop(p, P_NO_DEFAULT(lam), 0)) && (b = tn_pr_loop(p, P_WITH_DEFAULT(lam), 1))
            && TOK(TN_TOK_SLASH)
            && (alt == 0 ? TOK(TN_TOK_COMMA) != NULL : LOOK(1, PARAM_END(lam)))) {
            SlashWithDefault *s = tn_pr_alloc(p, sizeof(SlashWithDefault));
            if (s != NULL) {
                s->plain_names = a;
                s->names_with_defaults = b;
            }
            RULE_RETURN(p, s);
        }
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

static void *slash_no_default_fn(TnParser *p) { return slash_no_default_rule(p, 0); }
static void *slash_with_default_fn(TnParser *p) { return slash_with_default_rule(p, 0); }
static void *lambda_slash_no_default_fn(TnParser *p) { return slash_no_default_rule(p, 1); }
static void *lambda_slash_with_default_fn(TnParser *p) { return slash_with_default_rule(p, 1); }

/* (slash_no_default | slash_with_default) */
static void *any_slash(TnParser *p, int lam)
{
    int mark = p->mark;
    void *r = lam ? lambda_slash_no_default_fn(p) : slash_no_default_fn(p);
    if (r != NULL)
        return r;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    return lam ? lambda_slash_with_default_fn(p) : slash_with_default_fn(p);
}

/* (',' | param_no_default) */
static void *comma_or_param_no_default(TnParser *p, int lam)
{
    int mark = p->mark;
    if (TOK(TN_TOK_COMMA))
        return TN_PR_OK;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    return P_NO_DEFAULT(lam)(p);
}

/* invalid_parameters (def) / invalid_lambda_parameters (lambda):
 *   | param_no_default* invalid_parameters_helper a=param_no_default {
 *       RAISE_LOC(a, "non-default argument follows default argument") }
 *   | param_no_default* a='(' param_no_default+ ','? b=')' {
 *       RAISE_RANGE(a, b, "Function parameters cannot be parenthesized") }
 *       (lambda: lambda_param_no_default* '(' ','.lambda_param+ ','? ')' ...)
 *   | a="/" ',' { RAISE_LOC(a, "at least one argument must precede /") }
 *   | (slash_no_default | slash_with_default) param_maybe_default* a='/' {
 *       RAISE_LOC(a, "/ may appear only once") }
 *   | (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
 *     param_maybe_default* a='/' { RAISE_LOC(a, "/ must be ahead of *") }
 *   | param_maybe_default+ '/' a='*' { RAISE_LOC(a, "expected comma between / and *") }
 * invalid_parameters_helper: slash_with_default | param_with_default+ */
static void *invalid_parameters_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnArg *a;
    TnPToken *t, *t2;
    /* alternative 1 */
    if (tn_pr_loop(p, P_NO_DEFAULT(lam), 0)) {
        int m2 = p->mark;
        void *h = slash_with_default_rule(p, lam);
        if (h == NULL && !p->error_indicator) {
            p->mark = m2;
            h = tn_pr_loop(p, P_WITH_DEFAULT(lam), 1);
        }
        if (h != NULL && (a = P_NO_DEFAULT(lam)(p)))
            RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc,
                                              "non-default argument follows default argument"));
    }
    ALT_FAIL(p, mark);
    /* alternative 2 */
    if (tn_pr_loop(p, P_NO_DEFAULT(lam), 0) && (t = TOK(TN_TOK_LPAR))
        && (lam ? tn_pr_gather(p, lambda_param, TN_TOK_COMMA) != NULL
                : tn_pr_loop(p, P_NO_DEFAULT(lam), 1) != NULL)) {
        TOK(TN_TOK_COMMA);
        if ((t2 = TOK(TN_TOK_RPAR)))
            RULE_RETURN(p, tn_pr_raise_range(p, tn_pr_tok_loc(t), tn_pr_tok_loc(t2),
                                             lam ? "Lambda expression parameters cannot be parenthesized"
                                                 : "Function parameters cannot be parenthesized"));
    }
    ALT_FAIL(p, mark);
    /* alternative 3 */
    if ((t = TOK(TN_TOK_SLASH)) && TOK(TN_TOK_COMMA))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t), "at least one argument must precede /"));
    ALT_FAIL(p, mark);
    /* alternative 4 */
    if (any_slash(p, lam) && tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 0) && (t = TOK(TN_TOK_SLASH)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t), "/ may appear only once"));
    ALT_FAIL(p, mark);
    /* alternative 5 */
    {
        int m2 = p->mark;
        if (!any_slash(p, lam))
            p->mark = m2;
        if (!p->error_indicator && tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 0) && TOK(TN_TOK_STAR)
            && comma_or_param_no_default(p, lam) && tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 0)
            && (t = TOK(TN_TOK_SLASH)))
            RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t), "/ must be ahead of *"));
    }
    ALT_FAIL(p, mark);
    /* alternative 6 */
    if (tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 1) && TOK(TN_TOK_SLASH) && (t = TOK(TN_TOK_STAR)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t), "expected comma between / and *"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_kwds / invalid_lambda_kwds:
 *   | '**' param a='=' { RAISE_LOC(a, "var-keyword argument cannot have default value") }
 *   | '**' param ',' a=param { RAISE_LOC(a, "arguments cannot follow var-keyword argument") }
 *   | '**' param ',' a=('*'|'**'|'/') { RAISE_LOC(a, "arguments cannot follow var-keyword argument") } */
static void *invalid_kwds_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *t;
    TnArg *a;
    if (TOK(TN_TOK_DOUBLESTAR) && param_rule(p, lam, 0) && (t = TOK(TN_TOK_EQUAL)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                          "var-keyword argument cannot have default value"));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_DOUBLESTAR) && param_rule(p, lam, 0) && TOK(TN_TOK_COMMA)
        && (a = param_rule(p, lam, 0)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "arguments cannot follow var-keyword argument"));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_DOUBLESTAR) && param_rule(p, lam, 0) && TOK(TN_TOK_COMMA)
        && ((t = TOK(TN_TOK_STAR)) || (t = TOK(TN_TOK_DOUBLESTAR)) || (t = TOK(TN_TOK_SLASH))))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                          "arguments cannot follow var-keyword argument"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* kwds: invalid_kwds | '**' param_no_default */
static TnArg *kwds_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_kwds_rule(p, lam);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnArg *a;
    if (TOK(TN_TOK_DOUBLESTAR) && (a = P_NO_DEFAULT(lam)(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_star_etc:
 *   | a='*' (')' | ',' (')' | '**')) { RAISE_LOC(a, "named arguments must follow bare *") }
 *   | '*' ',' TYPE_COMMENT { ... }
 *   | '*' param a='=' { RAISE_LOC(a, "var-positional argument cannot have default value") }
 *   | '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',') {
 *       RAISE_LOC(a, "* argument may appear only once") }
 * invalid_lambda_star_etc:
 *   | '*' (':' | ',' (':' | '**')) { RAISE_SYNTAX_ERROR("named arguments must follow bare *") }
 *   | '*' lambda_param a='=' { ... } | '*' (...) lambda_param_maybe_default* a='*' (...) { ... } */
static void *invalid_star_etc_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a, *t;
    if ((a = TOK(TN_TOK_STAR))) {
        int m2 = p->mark;
        int ok = TOK(PARAM_END(lam)) != NULL;
        if (!ok) {
            p->mark = m2;
            ok = TOK(TN_TOK_COMMA) && (TOK(PARAM_END(lam)) || TOK(TN_TOK_DOUBLESTAR));
        }
        if (ok) {
            if (lam)
                RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                                 "named arguments must follow bare *"));
            RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(a),
                                              "named arguments must follow bare *"));
        }
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_STAR) && param_rule(p, lam, 0) && (t = TOK(TN_TOK_EQUAL)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                          "var-positional argument cannot have default value"));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_STAR) && comma_or_param_no_default(p, lam)
        && tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 0) && (t = TOK(TN_TOK_STAR))
        && comma_or_param_no_default(p, lam))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t), "* argument may appear only once"));
    p->mark = mark;
    RULE_FAIL(p);
}

static StarEtc *star_etc_new(TnParser *p, TnArg *vararg, TnAstSeq *kwonly, TnArg *kwarg)
{
    StarEtc *s = tn_pr_alloc(p, sizeof(StarEtc));
    if (s != NULL) {
        s->vararg = vararg;
        s->kwonlyargs = kwonly;
        s->kwarg = kwarg;
    }
    return s;
}

static void *param_no_default_star_annotation(TnParser *p) { return param_no_default_impl(p, 0, 1); }

/* star_etc:
 *   | invalid_star_etc
 *   | '*' param_no_default param_maybe_default* [kwds]
 *   | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only)
 *   | '*' ',' param_maybe_default+ [kwds]
 *   | kwds */
static StarEtc *star_etc_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_star_etc_rule(p, lam);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnArg *a, *c;
    TnAstSeq *b;
    for (int alt = 0; alt < 2; alt++) {
        if (alt == 1 && lam)
            break;
        if (TOK(TN_TOK_STAR)
            && (a = alt == 0 ? P_NO_DEFAULT(lam)(p) : param_no_default_star_annotation(p))
            && (b = tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 0))) {
            c = kwds_rule(p, lam);
            if (p->error_indicator)
                RULE_FAIL(p);
            RULE_RETURN(p, star_etc_new(p, a, b, c));
        }
        ALT_FAIL(p, mark);
    }
    if (TOK(TN_TOK_STAR) && TOK(TN_TOK_COMMA) && (b = tn_pr_loop(p, P_MAYBE_DEFAULT(lam), 1))) {
        c = kwds_rule(p, lam);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, star_etc_new(p, NULL, b, c));
    }
    ALT_FAIL(p, mark);
    if ((c = kwds_rule(p, lam)))
        RULE_RETURN(p, star_etc_new(p, NULL, NULL, c));
    p->mark = mark;
    RULE_FAIL(p);
}

static TnAstSeq *pair_names(TnParser *p, TnAstSeq *pairs)
{
    tn_ssize_t n = tn_ast_seq_len(pairs);
    TnAstSeq *s = tn_pr_seq_new(p, n);
    if (s != NULL) {
        for (tn_ssize_t i = 0; i < n; i++)
            s->items[i] = ((NameDefaultPair *)pairs->items[i])->arg;
    }
    return s;
}

static TnAstSeq *pair_defaults(TnParser *p, TnAstSeq *pairs)
{
    tn_ssize_t n = tn_ast_seq_len(pairs);
    TnAstSeq *s = tn_pr_seq_new(p, n);
    if (s != NULL) {
        for (tn_ssize_t i = 0; i < n; i++)
            s->items[i] = ((NameDefaultPair *)pairs->items[i])->value;
    }
    return s;
}

/* CPython's _PyPegen_make_arguments. */
static TnArguments *make_arguments(TnParser *p, TnAstSeq *slash_without_default,
                                   SlashWithDefault *slash_with_default, TnAstSeq *plain_names,
                                   TnAstSeq *names_with_default, StarEtc *star_etc)
{
    TnArguments *args = tn_pr_empty_arguments(p);
    if (args == NULL)
        return NULL;
    if (slash_without_default != NULL)
        args->posonlyargs = slash_without_default;
    else if (slash_with_default != NULL)
        args->posonlyargs = tn_pr_seq_join(p, slash_with_default->plain_names,
                                           pair_names(p, slash_with_default->names_with_defaults));
    if (plain_names != NULL && names_with_default != NULL)
        args->args = tn_pr_seq_join(p, plain_names, pair_names(p, names_with_default));
    else if (names_with_default != NULL)
        args->args = pair_names(p, names_with_default);
    else
        args->args = plain_names;
    if (slash_with_default != NULL && names_with_default != NULL)
        args->defaults = tn_pr_seq_join(p, pair_defaults(p, slash_with_default->names_with_defaults),
                                        pair_defaults(p, names_with_default));
    else if (names_with_default != NULL)
        args->defaults = pair_defaults(p, names_with_default);
    else if (slash_with_default != NULL)
        args->defaults = pair_defaults(p, slash_with_default->names_with_defaults);
    if (star_etc != NULL) {
        args->vararg = star_etc->vararg;
        if (star_etc->kwonlyargs != NULL) {
            args->kwonlyargs = pair_names(p, star_etc->kwonlyargs);
            args->kw_defaults = pair_defaults(p, star_etc->kwonlyargs);
        }
        args->kwarg = star_etc->kwarg;
    }
    return p->error_indicator ? NULL : args;
}

/* parameters / lambda_parameters:
 *   | slash_no_default param_no_default* param_with_default* [star_etc]
 *   | slash_with_default param_with_default* [star_etc]
 *   | param_no_default+ param_with_default* [star_etc]
 *   | param_with_default+ [star_etc]
 *   | star_etc */
static TnArguments *parameters_rule(TnParser *p, int lam)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a, *b, *c;
    SlashWithDefault *sw;
    StarEtc *d;
    if ((a = slash_no_default_rule(p, lam)) && (b = tn_pr_loop(p, P_NO_DEFAULT(lam), 0))
        && (c = tn_pr_loop(p, P_WITH_DEFAULT(lam), 0))) {
        d = star_etc_rule(p, lam);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, make_arguments(p, a, NULL, b, c, d));
    }
    ALT_FAIL(p, mark);
    if ((sw = slash_with_default_rule(p, lam)) && (b = tn_pr_loop(p, P_WITH_DEFAULT(lam), 0))) {
        d = star_etc_rule(p, lam);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, make_arguments(p, NULL, sw, NULL, b, d));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_loop(p, P_NO_DEFAULT(lam), 1)) && (b = tn_pr_loop(p, P_WITH_DEFAULT(lam), 0))) {
        d = star_etc_rule(p, lam);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, make_arguments(p, NULL, NULL, a, b, d));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_loop(p, P_WITH_DEFAULT(lam), 1))) {
        d = star_etc_rule(p, lam);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, make_arguments(p, NULL, NULL, NULL, a, d));
    }
    ALT_FAIL(p, mark);
    if ((d = star_etc_rule(p, lam)))
        RULE_RETURN(p, make_arguments(p, NULL, NULL, NULL, NULL, d));
    p->mark = mark;
    RULE_FAIL(p);
}

/* params: invalid_parameters | parameters */
TnArguments *tn_pr_params(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_parameters_rule(p, 0);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnArguments *a = parameters_rule(p, 0);
    if (a != NULL)
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* lambda_params: invalid_lambda_parameters | lambda_parameters */
TnArguments *tn_pr_lambda_params(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_parameters_rule(p, 1);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnArguments *a = parameters_rule(p, 1);
    if (a != NULL)
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}
