/* core/compiler/future.c — `from __future__ import ...` (CPython 3.11's
 * Python/future.c).
 *
 * Future statements may only follow the module docstring and other future
 * statements.  Every feature CPython 3.11 knows is accepted; only
 * `annotations` (PEP 563: annotations are stored as strings) changes how
 * Tandem compiles.  The statement also executes normally at run time
 * (lib/__future__.py).  A future import found later is rejected by the
 * compiler proper (tn_comp_check_late_future).
 */
#include <stdio.h>
#include <string.h>
#include "core/compiler/compile_internal.h"

/* A SyntaxError pointing at column col (0-based) of line lineno, with a
 * single caret (CPython's PyErr_SyntaxLocationObject). */
static int future_error(TnCompiler *c, int lineno, int col, const char *msg)
{
    TnAstLoc loc = {lineno, col, lineno, col + 1};
    return tn_comp_error_at(c, loc, "%s", msg);
}

static int check_features(TnCompiler *c, TnStmt *s)
{
    static const char *const known[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", NULL,
    };
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.importfrom.names); i++) {
        TnAlias *a = TN_SEQ_GET(s->v.importfrom.names, i);
        const char *feature = tn_str_utf8(a->name, NULL);
        if (feature == NULL)
            return -1;
        if (strcmp(feature, "annotations") == 0) {
            c->future_annotations = true;
            continue;
        }
        bool ok = false;
        for (int k = 0; known[k] != NULL && !ok; k++)
            ok = strcmp(feature, known[k]) == 0;
        if (ok)
            continue;
        if (strcmp(feature, "braces") == 0)
            return future_error(c, s->loc.lineno, s->loc.col_offset, "not a chance");
        char msg[256];
        snprintf(msg, sizeof(msg), "future feature %.100s is not defined", feature);
        return future_error(c, s->loc.lineno, s->loc.col_offset, msg);
    }
    return 0;
}

static bool is_future_import(TnStmt *s)
{
    return s->kind == TN_STMT_IMPORTFROM && s->v.importfrom.module != NULL
        && tn_str_eq_cstr(s->v.importfrom.module, "__future__");
}

int tn_comp_parse_future(TnCompiler *c, TnMod *mod)
{
    c->future_annotations = false;
    c->future_lineno = 0;
    if (mod->kind == TN_MODE_EVAL)
        return 0;
    TnAstSeq *body = mod->body;
    tn_ssize_t i = tn_comp_docstring(body) != NULL ? 1 : 0;
    bool done = false;
    int prev_line = 0;
    for (; i < tn_ast_seq_len(body); i++) {
        TnStmt *s = TN_SEQ_GET(body, i);
        if (done && s->loc.lineno > prev_line)
            return 0;
        prev_line = s->loc.lineno;
        if (!is_future_import(s)) {
            done = true;
            continue;
        }
        /* `from __future__ import a; import b; from __future__ import c`
         * on one line: CPython reports it here, one column to the left. */
        if (done)
            return future_error(c, s->loc.lineno, s->loc.col_offset - 1,
                                "from __future__ imports must occur at the beginning of the file");
        TN_TRY(check_features(c, s));
        c->future_lineno = s->loc.lineno;
    }
    return 0;
}

int tn_comp_check_late_future(TnCompiler *c, TnStmt *s)
{
    if (s->loc.lineno > c->future_lineno && is_future_import(s))
        return tn_comp_error(c, "from __future__ imports must occur at the beginning of the file");
    return 0;
}
