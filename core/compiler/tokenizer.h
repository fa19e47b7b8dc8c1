/* core/compiler/tokenizer.h — turning Python source into tokens.
 *
 * A port of the logic of CPython 3.11's Parser/tokenizer.c, working on a
 * source held entirely in memory.  The tokenizer produces one token per
 * call (the parser pulls them lazily, so errors are reported in the same
 * order as CPython) and tracks, like CPython:
 *   - NEWLINE / INDENT / DEDENT with an indentation stack; tabs advance to
 *     the next multiple of 8, and a second stack with tabs counted as 1
 *     detects "inconsistent use of tabs and spaces" (TabError);
 *   - the nesting of (), [] and {} (implicit line joining, and the
 *     "unmatched ')'" / "'(' was never closed" diagnostics);
 *   - explicit line joining with a backslash.
 *
 * Source handling (tn_tokenizer_new): a PEP 263 coding declaration is
 * honoured for UTF-8, Latin-1 and ASCII (other declared encodings are
 * accepted for ASCII-only text, else "encoding problem: X"); the bytes are
 * checked to be UTF-8, a UTF-8 BOM is skipped, "\r\n" and "\r" become
 * "\n", and a final "\n" is added if missing.  Token positions are line
 * numbers (1-based) and byte offsets within the line (0-based), as CPython
 * reports them.
 *
 * Errors: tn_tokenizer_get() returns TN_TOK_ERRORTOKEN and sets `done`.
 * Errors CPython's tokenizer raises itself (bad literals, unterminated
 * strings, unmatched brackets, invalid characters, ...) are raised here as
 * SyntaxError (done == TN_TOKE_ERROR).  The others (end of file inside
 * brackets, bad dedent, TabError, too deep, bad line continuation) leave no
 * exception: the parser reports them, because their location depends on
 * parser state (see tn_tokenizer_raise_pending for a standalone report).
 */
#ifndef TN_TOKENIZER_H
#define TN_TOKENIZER_H

#include "core/object.h"

typedef enum TnTokType {
    TN_TOK_ENDMARKER = 0,
    TN_TOK_NAME, TN_TOK_NUMBER, TN_TOK_STRING,
    TN_TOK_NEWLINE, TN_TOK_INDENT, TN_TOK_DEDENT,
    TN_TOK_LPAR, TN_TOK_RPAR, TN_TOK_LSQB, TN_TOK_RSQB, TN_TOK_COLON,
    TN_TOK_COMMA, TN_TOK_SEMI, TN_TOK_PLUS, TN_TOK_MINUS, TN_TOK_STAR,
    TN_TOK_SLASH, TN_TOK_VBAR, TN_TOK_AMPER, TN_TOK_LESS, TN_TOK_GREATER,
    TN_TOK_EQUAL, TN_TOK_DOT, TN_TOK_PERCENT, TN_TOK_LBRACE, TN_TOK_RBRACE,
    TN_TOK_EQEQUAL, TN_TOK_NOTEQUAL, TN_TOK_LESSEQUAL, TN_TOK_GREATEREQUAL,
    TN_TOK_TILDE, TN_TOK_CIRCUMFLEX, TN_TOK_LEFTSHIFT, TN_TOK_RIGHTSHIFT,
    TN_TOK_DOUBLESTAR, TN_TOK_PLUSEQUAL, TN_TOK_MINEQUAL, TN_TOK_STAREQUAL,
    TN_TOK_SLASHEQUAL, TN_TOK_PERCENTEQUAL, TN_TOK_AMPEREQUAL,
    TN_TOK_VBAREQUAL, TN_TOK_CIRCUMFLEXEQUAL, TN_TOK_LEFTSHIFTEQUAL,
    TN_TOK_RIGHTSHIFTEQUAL, TN_TOK_DOUBLESTAREQUAL, TN_TOK_DOUBLESLASH,
    TN_TOK_DOUBLESLASHEQUAL, TN_TOK_AT, TN_TOK_ATEQUAL, TN_TOK_RARROW,
    TN_TOK_ELLIPSIS, TN_TOK_COLONEQUAL,
    TN_TOK_OP,              /* any other character ('$', '?', '!'): matches nothing */
    TN_TOK_ERRORTOKEN,
    TN_TOK__COUNT
} TnTokType;

/* Keywords, recognised on NAME tokens (TnToken.kw, a TnKw).  The soft keywords
 * (match, case, _) stay ordinary names for the grammar. */
typedef enum TnKw {
    TN_KW_NONE_ = 0,        /* not a keyword */
    TN_KW_FALSE, TN_KW_NONE, TN_KW_TRUE, TN_KW_AND, TN_KW_AS, TN_KW_ASSERT,
    TN_KW_ASYNC, TN_KW_AWAIT, TN_KW_BREAK, TN_KW_CLASS, TN_KW_CONTINUE,
    TN_KW_DEF, TN_KW_DEL, TN_KW_ELIF, TN_KW_ELSE, TN_KW_EXCEPT,
    TN_KW_FINALLY, TN_KW_FOR, TN_KW_FROM, TN_KW_GLOBAL, TN_KW_IF,
    TN_KW_IMPORT, TN_KW_IN, TN_KW_IS, TN_KW_LAMBDA, TN_KW_NONLOCAL,
    TN_KW_NOT, TN_KW_OR, TN_KW_PASS, TN_KW_RAISE, TN_KW_RETURN, TN_KW_TRY,
    TN_KW_WHILE, TN_KW_WITH, TN_KW_YIELD,
    TN_KW__HARD_END,        /* soft keywords follow */
    TN_KW_MATCH = TN_KW__HARD_END, TN_KW_CASE, TN_KW_UNDERSCORE
} TnKw;

static inline bool tn_kw_is_hard(int kw) { return kw > TN_KW_NONE_ && kw < TN_KW__HARD_END; }

typedef struct TnToken {
    TnTokType type;
    int kw;                     /* TnKw for NAME tokens, else 0 */
    const char *start, *end;    /* the token's bytes in the tokenizer buffer */
    int lineno, col_offset;     /* col -1: unknown (INDENT, DEDENT, ENDMARKER, errors) */
    int end_lineno, end_col_offset;
    int level;                  /* bracket nesting level after the token */
} TnToken;

/* TnTokenizer.done */
enum {
    TN_TOKE_OK = 0,
    TN_TOKE_EOF,                /* end of input reached */
    TN_TOKE_ERROR,              /* exception set */
    TN_TOKE_DEDENT,             /* unindent does not match any outer level */
    TN_TOKE_TABSPACE,           /* inconsistent tabs and spaces */
    TN_TOKE_TOODEEP,            /* too many indentation levels */
    TN_TOKE_LINECONT,           /* character after line continuation */
    TN_TOKE_EOF_IN_CONT         /* end of file right after a backslash */
};

#define TN_TOK_MAXINDENT 100
#define TN_TOK_MAXLEVEL 200
#define TN_TOK_TABSIZE 8

typedef struct TnTokenizer {
    char *buf;                  /* normalised source (owned) */
    const char *end;            /* buf + length; *end == '\0' */
    const char *cur;            /* next character */
    const char *inp;            /* end of the current line (after its '\n') */
    const char *line_start;     /* start of the current line */
    const char *start;          /* start of the token being scanned, or NULL */
    const char *buf_start;      /* start of the line where the last token began
                                   (CPython's tok->buf, used for one message) */
    const char *multi_line_start;   /* line start where the last string began */
    int first_lineno;           /* line where the last string began */
    int lineno;                 /* current line */
    int base_lineno;            /* line number of the first line of buf */
    int done;
    int atbol;                  /* at beginning of line */
    int pendin;                 /* pending INDENT (>0) or DEDENT (<0) tokens */
    int indent;                 /* index of the top of indstack */
    int indstack[TN_TOK_MAXINDENT];
    int altindstack[TN_TOK_MAXINDENT];
    int level;                  /* bracket nesting */
    char parenstack[TN_TOK_MAXLEVEL];
    int parenlinenostack[TN_TOK_MAXLEVEL];
    int parencolstack[TN_TOK_MAXLEVEL];
    int cont_line;              /* the current line was joined by a backslash */
    int had_bom;                /* the source started with a UTF-8 BOM */
    int char_offsets;           /* report parser error columns in characters */
    const char *filename;       /* borrowed, for messages (may be NULL) */
} TnTokenizer;

/* Create a tokenizer for len bytes of UTF-8 source.  Checks the encoding
 * (SyntaxError "Non-UTF-8 code starting with ..." like CPython for files),
 * skips a BOM, normalises newlines.  filename is borrowed and must outlive
 * the tokenizer.  NULL + exception on failure. */
TnTokenizer *tn_tokenizer_new(const char *src, tn_ssize_t len, const char *filename);
/* flags for tn_tokenizer_new_ex */
#define TN_TOKENIZER_STR_INPUT 0x1  /* source came from a str (exec/compile): columns
                                       of parser errors are reported in characters */
#define TN_TOKENIZER_NO_FINAL_NEWLINE 0x2  /* eval/single input: no implicit final "\n" */
TnTokenizer *tn_tokenizer_new_ex(const char *src, tn_ssize_t len, const char *filename,
                                 int flags);
/* A tokenizer over text that is already normalised UTF-8 (used for the
 * expressions of f-strings); its first line is numbered first_lineno. */
TnTokenizer *tn_tokenizer_new_raw(const char *src, tn_ssize_t len, const char *filename,
                                  int first_lineno);
void tn_tokenizer_free(TnTokenizer *tok);

/* Scan the next token into *out and return its type (TN_TOK_ERRORTOKEN on
 * error, see `done`). */
TnTokType tn_tokenizer_get(TnTokenizer *tok, TnToken *out);

/* The text of source line `lineno` (without its newline; for line 1 of a
 * source that had a BOM, the BOM bytes are included as CPython does).
 * Sets *len; returns NULL if there is no such line. */
const char *tn_tokenizer_line(TnTokenizer *tok, int lineno, tn_ssize_t *len);

/* For errors that the tokenizer leaves to its caller (done == DEDENT,
 * TABSPACE, TOODEEP, LINECONT, EOF_IN_CONT, or EOF inside brackets): raise
 * them with the locations CPython's parser uses when the failing token is
 * the last one read.  Returns -1. */
int tn_tokenizer_raise_pending(TnTokenizer *tok);

/* Raise `type` (SyntaxError if NULL) with a 1-based character offset and
 * end offset computed from 0-based byte columns on source line lineno, as
 * CPython does (col_byte < 0 -> offset 0; end_col_byte < 0 -> end 0 ... see
 * tokenizer.c).  Exposed for the parser. */
void tn_tokenizer_error_at(TnTokenizer *tok, TnType *type, const char *msg, int lineno,
                           int col_byte, int end_lineno, int end_col_byte);

/* Number of characters in the first nbytes bytes of a UTF-8 line (a cut
 * multi-byte sequence counts as one character, like CPython's "replace"). */
tn_ssize_t tn_utf8_char_count(const char *s, tn_ssize_t nbytes);

/* Name of a token type for messages and tests ("NAME", "LPAR", ...). */
const char *tn_token_type_name(TnTokType type);

#endif /* TN_TOKENIZER_H */
