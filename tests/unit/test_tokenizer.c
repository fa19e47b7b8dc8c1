/* tests/unit/test_tokenizer.c — the tokenizer (core/compiler/tokenizer.c).
 *
 * Expected token kinds, positions and error messages/locations were taken
 * from CPython 3.11 (tokenize module and `python3 file.py`).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/compiler/tokenizer.h"

/* ---- helpers ------------------------------------------------------------ */

#define MAXTOK 256

typedef struct {
    TnToken toks[MAXTOK];
    int n;
    int err;            /* ended with ERRORTOKEN */
} TokList;

/* The tokenizer of the last tokenize() call stays alive (token texts point
 * into its buffer) until the next call. */
static TnTokenizer *last_tok;

/* Tokenize src completely (stops at ENDMARKER or ERRORTOKEN). */
static void tokenize(const char *src, TokList *out, TnTokenizer **keep)
{
    tn_tokenizer_free(last_tok);
    last_tok = NULL;
    TnTokenizer *tok = tn_tokenizer_new(src, (tn_ssize_t)strlen(src), "test.py");
    assert_non_null(tok);
    out->n = 0;
    out->err = 0;
    for (;;) {
        assert_true(out->n < MAXTOK);
        TnToken *t = &out->toks[out->n++];
        TnTokType ty = tn_tokenizer_get(tok, t);
        if (ty == TN_TOK_ERRORTOKEN) {
            out->err = 1;
            break;
        }
        if (ty == TN_TOK_ENDMARKER)
            break;
    }
    if (keep != NULL)
        *keep = tok;
    else
        last_tok = tok;
}

/* Compare the sequence of token type names, e.g. "NAME EQUAL NUMBER NEWLINE ENDMARKER". */
static void assert_types(const char *src, const char *expected)
{
    TokList tl;
    tokenize(src, &tl, NULL);
    char buf[2048] = "";
    for (int i = 0; i < tl.n; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, tn_token_type_name(tl.toks[i].type));
    }
    assert_string_equal(buf, expected);
    assert_null(tn_err_occurred());
}

static void assert_tok(const TnToken *t, TnTokType type, const char *text, int l, int c, int el,
                       int ec)
{
    assert_string_equal(tn_token_type_name(t->type), tn_token_type_name(type));
    if (text != NULL) {
        size_t n = (size_t)(t->end - t->start);
        assert_int_equal(n, strlen(text));
        assert_memory_equal(t->start, text, n);
    }
    assert_int_equal(t->lineno, l);
    assert_int_equal(t->col_offset, c);
    assert_int_equal(t->end_lineno, el);
    assert_int_equal(t->end_col_offset, ec);
}

static int64_t int_attr(TnObject *o)
{
    int overflow = 0;
    assert_non_null(o);
    return tn_int_as_i64(o, &overflow);
}

/* The pending exception is a SyntaxError subclass named tname with msg and
 * location (1-based offsets, as SyntaxError reports them); clears it. */
static void assert_syntax_error(const char *tname, const char *msg, int l, int c, int el, int ec)
{
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    assert_string_equal(tn_type(exc)->name, tname);
    TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)exc;
    assert_string_equal(tn_str_utf8(se->msg, NULL), msg);
    assert_int_equal(int_attr(se->lineno), l);
    assert_int_equal(int_attr(se->offset), c);
    assert_int_equal(int_attr(se->end_lineno), el);
    assert_int_equal(int_attr(se->end_offset), ec);
    tn_decref(exc);
}

/* Tokenize src expecting an error the tokenizer raises itself. */
static void assert_tok_error(const char *src, const char *msg, int l, int c, int el, int ec)
{
    TokList tl;
    tokenize(src, &tl, NULL);
    assert_true(tl.err);
    assert_syntax_error("SyntaxError", msg, l, c, el, ec);
}

/* Tokenize src expecting an error left to the caller (done == code), then
 * raise it the standalone way. */
static void assert_pending_error(const char *src, int code, const char *tname, const char *msg,
                                 int l, int c, int el, int ec)
{
    TokList tl;
    TnTokenizer *tok;
    tokenize(src, &tl, &tok);
    assert_true(tl.err);
    assert_null(tn_err_occurred());
    assert_int_equal(tok->done, code);
    tn_tokenizer_raise_pending(tok);
    tn_tokenizer_free(tok);
    assert_syntax_error(tname, msg, l, c, el, ec);
}

/* ---- tests ------------------------------------------------------------------ */

static void test_simple_statement(void **state)
{
    (void)state;
    TokList tl;
    tokenize("x = 1 + foo(2)\n", &tl, NULL);
    assert_int_equal(tl.n, 10);
    assert_tok(&tl.toks[0], TN_TOK_NAME, "x", 1, 0, 1, 1);
    assert_tok(&tl.toks[1], TN_TOK_EQUAL, "=", 1, 2, 1, 3);
    assert_tok(&tl.toks[2], TN_TOK_NUMBER, "1", 1, 4, 1, 5);
    assert_tok(&tl.toks[3], TN_TOK_PLUS, "+", 1, 6, 1, 7);
    assert_tok(&tl.toks[4], TN_TOK_NAME, "foo", 1, 8, 1, 11);
    assert_tok(&tl.toks[5], TN_TOK_LPAR, "(", 1, 11, 1, 12);
    assert_tok(&tl.toks[6], TN_TOK_NUMBER, "2", 1, 12, 1, 13);
    assert_tok(&tl.toks[7], TN_TOK_RPAR, ")", 1, 13, 1, 14);
    /* NEWLINE is zero-width at the '\n' */
    assert_tok(&tl.toks[8], TN_TOK_NEWLINE, "", 1, 14, 1, 14);
    assert_int_equal(tl.toks[9].type, TN_TOK_ENDMARKER);
}

static void test_indent_dedent(void **state)
{
    (void)state;
    assert_types("if x:\n    y\n    if z:\n        w\nv\n",
                 "NAME NAME COLON NEWLINE INDENT NAME NEWLINE NAME NAME COLON NEWLINE INDENT "
                 "NAME NEWLINE DEDENT DEDENT NAME NEWLINE ENDMARKER");
    /* dedents at end of file */
    assert_types("def f():\n  return 1",
                 "NAME NAME LPAR RPAR COLON NEWLINE INDENT NAME NUMBER NEWLINE DEDENT ENDMARKER");
    /* blank lines and comment-only lines do not affect indentation */
    assert_types("if x:\n\n    # c\n    y\n  \n# d\nz\n",
                 "NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER");
    /* a tab advances to the next multiple of 8: consistent with 8 spaces */
    assert_types("if x:\n\ty\n\tz\n", "NAME NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE "
                                      "DEDENT ENDMARKER");
    /* the keyword flag */
    TokList tl;
    tokenize("if match:\n  pass\n", &tl, NULL);
    assert_int_equal(tl.toks[0].kw, TN_KW_IF);
    assert_int_equal(tl.toks[1].kw, TN_KW_MATCH);
    assert_false(tn_kw_is_hard(tl.toks[1].kw));
    assert_true(tn_kw_is_hard(tl.toks[0].kw));
}

static void test_continuations(void **state)
{
    (void)state;
    /* implicit: no NEWLINE inside brackets, comments allowed */
    assert_types("x = (1,  # one\n     2)\n",
                 "NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER");
    assert_types("x = [\n1\n]\n", "NAME EQUAL LSQB NUMBER RSQB NEWLINE ENDMARKER");
    /* explicit backslash */
    TokList tl;
    tokenize("x = 1 + \\\n    2\n", &tl, NULL);
    assert_int_equal(tl.n, 7);
    assert_tok(&tl.toks[4], TN_TOK_NUMBER, "2", 2, 4, 2, 5);
    /* a comment before NEWLINE becomes part of the NEWLINE token, as in CPython */
    tokenize("x  # c\n", &tl, NULL);
    assert_tok(&tl.toks[1], TN_TOK_NEWLINE, NULL, 1, 3, 1, 6);
    /* CRLF and BOM */
    assert_types("\xEF\xBB\xBFx = 1\r\ny = 2\r\n",
                 "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE ENDMARKER");
    tokenize("\xEF\xBB\xBFx\n", &tl, NULL);
    assert_tok(&tl.toks[0], TN_TOK_NAME, "x", 1, 0, 1, 1);
}

static void test_operators(void **state)
{
    (void)state;
    assert_types(":= -> **= //= @= ... >>= <<= != == <= >= ** // << >> += -= *= /= %= &= |= ^=",
                 "COLONEQUAL RARROW DOUBLESTAREQUAL DOUBLESLASHEQUAL ATEQUAL ELLIPSIS "
                 "RIGHTSHIFTEQUAL LEFTSHIFTEQUAL NOTEQUAL EQEQUAL LESSEQUAL GREATEREQUAL "
                 "DOUBLESTAR DOUBLESLASH LEFTSHIFT RIGHTSHIFT PLUSEQUAL MINEQUAL STAREQUAL "
                 "SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL NEWLINE ENDMARKER");
    assert_types("a.b[c]{d}~e^f|g&h%i@j;k", "NAME DOT NAME LSQB NAME RSQB LBRACE NAME RBRACE "
                                             "TILDE NAME CIRCUMFLEX NAME VBAR NAME AMPER NAME "
                                             "PERCENT NAME AT NAME SEMI NAME NEWLINE ENDMARKER");
    /* unknown characters are 1-character OP tokens the parser rejects */
    assert_types("a $ b ! c ?", "NAME OP NAME OP NAME OP NEWLINE ENDMARKER");
    assert_types("x..y", "NAME DOT DOT NAME NEWLINE ENDMARKER");
}

static void test_numbers(void **state)
{
    (void)state;
    const char *ok[] = {"0", "00", "123", "1_000", "0x1F", "0XfF_ff", "0o17", "0O1_7", "0b101",
                        "0B1_0", "1.5", "1.", ".5", "1e10", "1E+5", "1.5e-3", "1_0.0_1e1_0",
                        "10j", "1.5J", ".5j", "0j", "0e0", "00.5", "1if", NULL};
    for (int i = 0; ok[i]; i++) {
        TokList tl;
        tokenize(ok[i], &tl, NULL);
        assert_false(tl.err);
        assert_int_equal(tl.toks[0].type, TN_TOK_NUMBER);
    }
    TokList tl;
    tokenize("1if x else 2", &tl, NULL);
    assert_tok(&tl.toks[0], TN_TOK_NUMBER, "1", 1, 0, 1, 1);
    assert_tok(&tl.toks[1], TN_TOK_NAME, "if", 1, 1, 1, 3);
    /* a non-ASCII letter after a number starts a new token (3.11.7) */
    assert_types("1\xC3\xA9", "NUMBER NAME NEWLINE ENDMARKER");
}

static void test_number_errors(void **state)
{
    (void)state;
    assert_tok_error("x = 08\n",
                     "leading zeros in decimal integer literals are not permitted; use an 0o "
                     "prefix for octal integers", 1, 5, 1, 6);
    assert_tok_error("x = 1a\n", "invalid decimal literal", 1, 5, 1, 5);
    assert_tok_error("x = 0x\n", "invalid hexadecimal literal", 1, 6, 1, 6);
    assert_tok_error("x = 1__0\n", "invalid decimal literal", 1, 6, 1, 6);
    assert_tok_error("x = 1_\n", "invalid decimal literal", 1, 6, 1, 6);
    assert_tok_error("x=1e\n", "invalid decimal literal", 1, 3, 1, 3);
    assert_tok_error("x = 0b2\n", "invalid digit '2' in binary literal", 1, 7, 1, 7);
    assert_tok_error("x = 0o8\n", "invalid digit '8' in octal literal", 1, 7, 1, 7);
}

static void test_strings(void **state)
{
    (void)state;
    const char *ok[] = {"'a'", "\"a\"", "''", "'''a\nb'''", "\"\"\"x\"\"\"", "r'\\d'", "b'x'",
                        "rb'x'", "Br'x'", "f'{x}'", "rf'x'", "FR'x'", "u'x'", "U\"x\"",
                        "'a\\'b'", "'a\\\nb'", NULL};
    for (int i = 0; ok[i]; i++) {
        TokList tl;
        tokenize(ok[i], &tl, NULL);
        assert_false(tl.err);
        assert_int_equal(tl.toks[0].type, TN_TOK_STRING);
        assert_int_equal(tl.toks[1].type, TN_TOK_NEWLINE);
    }
    /* prefixes that are not string prefixes are names */
    assert_types("ur'x'", "NAME STRING NEWLINE ENDMARKER");
    assert_types("bf'x'", "NAME STRING NEWLINE ENDMARKER");
    /* a multi-line string: starts on line 1, ends on line 3 */
    TokList tl;
    tokenize("x = '''a\nb\nc''' + 1\n", &tl, NULL);
    assert_tok(&tl.toks[2], TN_TOK_STRING, NULL, 1, 4, 3, 4);
    assert_tok(&tl.toks[3], TN_TOK_PLUS, "+", 3, 5, 3, 6);
}

static void test_string_errors(void **state)
{
    (void)state;
    assert_tok_error("s = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
    assert_tok_error("s = '''abc\nfoo\n",
                     "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5);
    assert_tok_error("s = \"abc", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
}

static void test_names(void **state)
{
    (void)state;
    TokList tl;
    /* UTF-8 identifiers; columns are byte offsets */
    tokenize("\xC3\xA9t\xC3\xA9 = \xE8\x9F\x92\n", &tl, NULL);
    assert_false(tl.err);
    assert_tok(&tl.toks[0], TN_TOK_NAME, "\xC3\xA9t\xC3\xA9", 1, 0, 1, 5);
    assert_tok(&tl.toks[2], TN_TOK_NAME, "\xE8\x9F\x92", 1, 8, 1, 11);
    /* invalid characters: column in characters, pointing at the character */
    assert_tok_error("x = a\xE2\x82\xAC" "b\n", "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 6, 1, 6);
    assert_tok_error("x\xC2\xA0= 1\n", "invalid non-printable character U+00A0", 1, 2, 1, 2);
    assert_tok_error("\x01\n", "invalid non-printable character U+0001", 1, 1, 1, 1);
}

static void test_brackets(void **state)
{
    (void)state;
    assert_tok_error("x = )\n", "unmatched ')'", 1, 5, 1, 5);
    assert_tok_error("x = (]\n", "closing parenthesis ']' does not match opening parenthesis '('",
                     1, 6, 1, 6);
    assert_tok_error("x = (\n]\n",
                     "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
                     2, 1, 2, 1);
    char deep[512];
    memset(deep, '(', 201);
    deep[201] = '\0';
    assert_tok_error(deep, "too many nested parentheses", 1, 201, 1, 201);
    /* end of file inside brackets: reported by the caller */
    assert_pending_error("x = (1,\n", TN_TOKE_EOF, "SyntaxError", "'(' was never closed",
                         1, 5, 1, 0);
}

static void test_indentation_errors(void **state)
{
    (void)state;
    assert_pending_error("if x:\n    a\n  b\n", TN_TOKE_DEDENT, "IndentationError",
                         "unindent does not match any outer indentation level", 3, 4, 3, -1);
    assert_pending_error("if 1:\n\tx = 1\n        y = 2\n", TN_TOKE_TABSPACE, "TabError",
                         "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0);
    assert_pending_error("if 1:\n        x = 1\n\ty = 2\n", TN_TOKE_TABSPACE, "TabError",
                         "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0);
    assert_pending_error("x = 1\\ 2\n", TN_TOKE_LINECONT, "SyntaxError",
                         "unexpected character after line continuation character", 1, 7, 1, 0);
    assert_pending_error("x = 1 \\", TN_TOKE_EOF_IN_CONT, "SyntaxError",
                         "unexpected EOF while parsing", 1, 8, 1, -1);
}

static void test_source_checks(void **state)
{
    (void)state;
    /* invalid UTF-8 */
    TnTokenizer *tok = tn_tokenizer_new("x = '\xff'\n", 7, "bad.py");
    assert_null(tok);
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    assert_string_equal(tn_type(exc)->name, "SyntaxError");
    tn_decref(exc);
}

static void test_null_bytes(void **state)
{
    (void)state;
    TnTokenizer *tok = tn_tokenizer_new("x = 1\0\n", 7, "n.py");
    assert_non_null(tok);
    TnToken t;
    TnTokType ty;
    do {
        ty = tn_tokenizer_get(tok, &t);
    } while (ty != TN_TOK_ERRORTOKEN && ty != TN_TOK_ENDMARKER);
    assert_int_equal(ty, TN_TOK_ERRORTOKEN);
    tn_tokenizer_free(tok);
    assert_syntax_error("SyntaxError", "source code cannot contain null bytes", 1, 0, 1, 0);
}

static void test_coding_declaration(void **state)
{
    (void)state;
    /* latin-1 source is decoded to UTF-8 */
    const char *src = "# -*- coding: latin-1 -*-\nx = '\xe9'\n";
    TnTokenizer *tok = tn_tokenizer_new(src, (tn_ssize_t)strlen(src), "l.py");
    assert_non_null(tok);
    TnToken t;
    TnTokType ty;
    do {
        ty = tn_tokenizer_get(tok, &t);
    } while (ty != TN_TOK_STRING && ty != TN_TOK_ENDMARKER && ty != TN_TOK_ERRORTOKEN);
    assert_int_equal(ty, TN_TOK_STRING);
    assert_int_equal(t.end - t.start, 4);   /* 'é' in UTF-8 */
    tn_tokenizer_free(tok);
    /* a BOM with another declared encoding */
    const char *bad = "\xEF\xBB\xBF# coding: latin-1\nx = 1\n";
    assert_null(tn_tokenizer_new(bad, (tn_ssize_t)strlen(bad), "b.py"));
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    TnObject *s = tn_object_str(exc);
    assert_string_equal(tn_str_utf8(s, NULL), "encoding problem: iso-8859-1 with BOM");
    tn_decref(s);
    tn_decref(exc);
}

int main(void)
{
    if (tn_runtime_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_statement),
        cmocka_unit_test(test_indent_dedent),
        cmocka_unit_test(test_continuations),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_string_errors),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_brackets),
        cmocka_unit_test(test_indentation_errors),
        cmocka_unit_test(test_source_checks),
        cmocka_unit_test(test_null_bytes),
        cmocka_unit_test(test_coding_declaration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
