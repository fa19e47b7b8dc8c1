/* core/modules/io_stringio.c — _io.StringIO: a text stream over an
 * in-memory array of code points.  Design: docs/io.md.
 *
 * Newlines as CPython's: newline=None translates "\r\n" and "\r" to "\n"
 * on write (and records the kinds seen, `newlines`); '' translates
 * nothing but splits lines at any of them; '\r' and '\r\n' replace "\n"
 * on write.
 *
 * Threads.  Every operation runs in the object's critical section; the
 * only Python code it calls (str of the argument) runs before. */
#include "core/modules/io_internal.h"

typedef struct TnStringIO {
    TnIOObject head;
    uint32_t *buf;
    tn_ssize_t len, cap, pos;
    uint8_t ok, closed, readuniversal, readtranslate, seennl;
    TnObject *readnl;    /* str or NULL */
    TnObject *writenl;   /* str or NULL */
} TnStringIO;

#define SIO(o) ((TnStringIO *)(o))

static uint32_t ucs4_at(const void *src, tn_ssize_t i) { return ((const uint32_t *)src)[i]; }

static int check_lock_held(TnStringIO *s)
{
    tn_critical_section_assert_held(TN_OBJ(s));
    if (!s->ok) {
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int reserve_lock_held(TnStringIO *s, tn_ssize_t n)
{
    tn_critical_section_assert_held(TN_OBJ(s));
    if (n <= s->cap)
        return 0;
    tn_ssize_t cap = n + (n >> 2) + 16;
    if (cap > TN_BYTES_MAX / 4) {
        tn_err_no_memory();
        return -1;
    }
    uint32_t *b = tn_mem_realloc(s->buf, (size_t)cap * sizeof(uint32_t));
    if (b == NULL) {
        tn_err_no_memory();
        return -1;
    }
    s->buf = b;
    s->cap = cap;
    return 0;
}

/* Write the (already translated) str at pos, padding with NULs. */
static int write_str_lock_held(TnStringIO *s, TnObject *str)
{
    tn_critical_section_assert_held(TN_OBJ(s));
    tn_ssize_t n = tn_str_length(str);
    if (n == 0)
        return 0;
    tn_ssize_t end = s->pos + n;
    if (reserve_lock_held(s, end) < 0)
        return -1;
    if (s->pos > s->len)
        memset(s->buf + s->len, 0, (size_t)(s->pos - s->len) * sizeof(uint32_t));
    for (tn_ssize_t i = 0; i < n; i++)
        s->buf[s->pos + i] = tn_str_read(str, i);
    s->pos = end;
    if (end > s->len)
        s->len = end;
    return 0;
}

/* The str as written: newline translation (the decoder of newline=None
 * or ''), then "\n" replaced by writenl. */
static TnObject *translate_for_write(TnStringIO *s, TnObject *str, int *seen)
{
    TnObject *t = tn_newref(str);
    if (s->readuniversal) {
        bool pendingcr = false;
        TnObject *d = tn_io_translate_newlines(t, s->readtranslate, true, &pendingcr, seen);
        tn_decref(t);
        if (d == NULL)
            return NULL;
        t = d;
    }
    if (s->writenl != NULL) {
        TnObject *nl = tn_str_from_cstr("\n");
        TnObject *args[2] = {nl, s->writenl};
        TnObject *r = nl != NULL ? tn_call_method_cstr(t, "replace", args, 2) : NULL;
        tn_xdecref(nl);
        tn_decref(t);
        t = r;
    }
    return t;
}

static TnObject *stringio_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "string argument expected, got '%s'", tn_type(args[0])->name);
    TnStringIO *s = SIO(self);
    int seen = 0;
    TnObject *t = translate_for_write(s, args[0], &seen);
    if (t == NULL)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = check_lock_held(s);
    if (r == 0) {
        s->seennl |= (uint8_t)seen;
        r = write_str_lock_held(s, t);
    }
    TN_END_CRITICAL_SECTION();
    tn_decref(t);
    return r < 0 ? NULL : tn_int_from_ssize(tn_str_length(args[0]));
}

static TnObject *read_lock_held(TnStringIO *s, tn_ssize_t n)
{
    tn_critical_section_assert_held(TN_OBJ(s));
    if (check_lock_held(s) < 0)
        return NULL;
    tn_ssize_t avail = s->pos < s->len ? s->len - s->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    TnObject *r = tn_str_from_codepoints(s->buf + (n > 0 ? s->pos : 0), n);
    if (r != NULL)
        s->pos += n;
    return r;
}

static TnObject *readline_lock_held(TnStringIO *s, tn_ssize_t limit)
{
    tn_critical_section_assert_held(TN_OBJ(s));
    if (check_lock_held(s) < 0)
        return NULL;
    tn_ssize_t start = s->pos < s->len ? s->pos : s->len;
    tn_ssize_t end = s->len;
    if (limit >= 0 && start + limit < end)
        end = start + limit;
    tn_ssize_t stop = tn_io_find_line_end(ucs4_at, s->buf, start, end, s->readtranslate,
                                          s->readuniversal && !s->readtranslate, s->readnl);
    /* A "\r" ending the limit may be the first half of "\r\n". */
    if (stop == end && stop < s->len && s->readuniversal && !s->readtranslate && s->buf[stop - 1] == '\r'
        && s->buf[stop] == '\n' && limit < 0)
        stop++;
    if (stop < 0)
        stop = end;
    TnObject *r = tn_str_from_codepoints(s->buf + start, stop - start);
    if (r != NULL)
        s->pos = stop;
    return r;
}

static TnObject *stringio_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t n;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = read_lock_held(SIO(self), n);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t n;
    if (tn_args_no_kw("readline", kwnames) < 0 || tn_args_count("readline", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = readline_lock_held(SIO(self), n);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_iternext(TnObject *self)
{
    TnObject *line;
    if (tn_type_check_exact(self, &tn_io_stringio_type)) {
        line = stringio_readline(self, NULL, 0, NULL);
    } else {
        line = tn_io_call0(self, "readline");
        if (line != NULL && !tn_str_check(line)) {
            tn_err_format(&tn_exc_OSError, "readline() should have returned a str object, not '%s'",
                          tn_type(line)->name);
            TN_CLEAR(line);
        }
    }
    if (line != NULL && tn_str_length(line) == 0)
        TN_CLEAR(line);
    return line;
}

static TnObject *stringio_getvalue(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnStringIO *s = SIO(self);
    if (check_lock_held(s) == 0)
        r = tn_str_from_codepoints(s->buf, s->len);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    if (check_lock_held(SIO(self)) == 0)
        r = tn_int_from_ssize(SIO(self)->pos);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0)
        return NULL;
    tn_ssize_t pos = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (pos == -1 && tn_err_occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1 && tn_number_as_c_int(args[1], &whence) < 0)
        return NULL;
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnStringIO *s = SIO(self);
    if (check_lock_held(s) < 0)
        ;
    else if (whence < 0 || whence > 2)
        tn_err_format(&tn_exc_ValueError, "Invalid whence (%d, should be 0, 1 or 2)", whence);
    else if (pos < 0 && whence == 0)
        tn_err_format(&tn_exc_ValueError, "Negative seek position %zd", pos);
    else if (whence != 0 && pos != 0)
        tn_err_set_str(&tn_exc_OSError, "Can't do nonzero cur-relative seeks");
    else {
        if (whence == 2)
            pos = s->len;
        else if (whence == 1)
            pos = s->pos;
        s->pos = pos;
        r = tn_int_from_ssize(pos);
    }
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("truncate", kwnames) < 0 || tn_args_count("truncate", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t size = -1;
    bool given = nargs > 0 && args[0] != TN_NONE;
    if (given && tn_io_size_arg(args, nargs, &size) < 0)
        return NULL;
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnStringIO *s = SIO(self);
    if (check_lock_held(s) == 0) {
        if (!given)
            size = s->pos;
        if (size < 0) {
            tn_err_format(&tn_exc_ValueError, "Negative size value %zd", size);
        } else {
            if (size < s->len)
                s->len = size;
            r = tn_int_from_ssize(size);
        }
    }
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TN_BEGIN_CRITICAL_SECTION(self);
    TnStringIO *s = SIO(self);
    tn_atomic_store_u8(&s->closed, 1);
    tn_mem_free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static TnObject *stringio_true(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    if (check_lock_held(SIO(self)) == 0)
        r = tn_bool_from(1);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_get_closed(TnObject *self, void *c)
{
    if (!SIO(self)->ok)
        return tn_err_set_str(&tn_exc_ValueError, "I/O operation on uninitialized object"), NULL;
    return tn_bool_from(tn_atomic_load_u8(&SIO(self)->closed));
}

static TnObject *stringio_get_line_buffering(TnObject *self, void *c)
{
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    if (check_lock_held(SIO(self)) == 0)
        r = tn_bool_from(0);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *stringio_get_newlines(TnObject *self, void *c)
{
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnStringIO *s = SIO(self);
    if (check_lock_held(s) == 0)
        r = s->readuniversal ? tn_io_newlines_value(s->seennl) : tn_none_ref();
    TN_END_CRITICAL_SECTION();
    return r;
}

/* Validate the newline argument as TextIOWrapper and StringIO do.  The
 * C string (NULL for None) in *out.  0 / -1. */
int tn_io_check_newline(bool quote, TnObject *nl, const char **out)
{
    *out = NULL;
    if (nl == NULL || nl == TN_NONE)
        return 0;
    if (!tn_str_check(nl)) {
        tn_err_format(&tn_exc_TypeError, "newline must be str or None, not %s", tn_type(nl)->name);
        return -1;
    }
    const char *s = tn_str_utf8(nl, NULL);
    if (s == NULL)
        return -1;
    if (!(tn_str_length(nl) == 0 || strcmp(s, "\n") == 0 || strcmp(s, "\r") == 0 || strcmp(s, "\r\n") == 0)) {
        tn_err_format(&tn_exc_ValueError, quote ? "illegal newline value: %R" : "illegal newline value: %S", nl);
        return -1;
    }
    *out = s;
    return 0;
}

static TnObject *stringio_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"initial_value", "newline", NULL};
    TnObject *out[2];
    if (tn_args_parse("StringIO", args, nargs, kwnames, names, 0, 0, out) < 0)
        return NULL;
    TnObject *init = out[0];
    const char *nl = "\n";
    if (out[1] != NULL && tn_io_check_newline(true, out[1], &nl) < 0)
        return NULL;
    if (init != NULL && init != TN_NONE && !tn_str_check(init))
        return tn_err_format(&tn_exc_TypeError, "initial_value must be str or None, not %s", tn_type(init)->name);
    TnStringIO *s = SIO(self);
    TnObject *readnl = nl != NULL ? tn_str_from_cstr(nl) : NULL;
    if (nl != NULL && readnl == NULL)
        return NULL;
    TnObject *old_r, *old_w;
    TN_BEGIN_CRITICAL_SECTION(self);
    s->ok = 0;
    s->len = s->pos = 0;
    s->closed = 0;
    s->seennl = 0;
    old_r = s->readnl;
    old_w = s->writenl;
    s->readnl = readnl;
    s->writenl = nl != NULL && nl[0] == '\r' ? tn_newref(readnl) : NULL;
    s->readuniversal = nl == NULL || nl[0] == '\0';
    s->readtranslate = nl == NULL;
    s->ok = 1;
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old_r);
    tn_xdecref(old_w);
    if (init != NULL && init != TN_NONE && tn_str_length(init) > 0) {
        TnObject *r = stringio_write(self, &init, 1, NULL);
        if (r == NULL)
            return NULL;
        tn_decref(r);
        TN_BEGIN_CRITICAL_SECTION(self);
        s->pos = 0;
        TN_END_CRITICAL_SECTION();
    }
    return tn_none_ref();
}

static TnObject *stringio_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), stringio_init, args, nargs, kwnames);
}

static void stringio_dealloc(TnObject *self)
{
    TnStringIO *s = SIO(self);
    tn_mem_free(s->buf);
    TN_CLEAR(s->readnl);
    TN_CLEAR(s->writenl);
    tn_io_dealloc_head(self);
}

static const TnMethodDef stringio_methods[] = {
    {"__init__", stringio_init, 0, NULL},
    {"write", stringio_write, 0, NULL},
    {"read", stringio_read, 0, NULL},
    {"readline", stringio_readline, 0, NULL},
    {"getvalue", stringio_getvalue, 0, NULL},
    {"tell", stringio_tell, 0, NULL},
    {"seek", stringio_seek, 0, NULL},
    {"truncate", stringio_truncate, 0, NULL},
    {"close", stringio_close, 0, NULL},
    {"readable", stringio_true, 0, NULL},
    {"writable", stringio_true, 0, NULL},
    {"seekable", stringio_true, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef stringio_getsets[] = {
    {"closed", stringio_get_closed, NULL, NULL, NULL},
    {"line_buffering", stringio_get_line_buffering, NULL, NULL, NULL},
    {"newlines", stringio_get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_io_stringio_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_io.StringIO",
    .base = &tn_io_textiobase_type,
    .basicsize = sizeof(TnStringIO),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = stringio_dealloc,
    .traverse = tn_io_traverse,
    .clear = tn_io_clear_dict,
    .iternext = stringio_iternext,
    .new_ = stringio_new,
    .methods = stringio_methods,
    .getsets = stringio_getsets,
    .dictoffset = offsetof(TnIOObject, dict),
    .weaklistoffset = offsetof(TnIOObject, weaklist),
    .doc = "Text I/O implementation using an in-memory buffer.",
};
