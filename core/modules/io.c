/* core/modules/io.c — open() and file objects, and sys.stdin/stdout/stderr.
 *
 * A file object wraps a C stdio stream.  Text mode ('r', 'w', 'a', 'x',
 * with '+') reads and writes str, encoded as UTF-8, with universal newlines
 * on input ("\r\n" and "\r" read as "\n"); binary mode ('b') reads and
 * writes bytes.  The type names and reprs follow CPython's io module
 * (_io.TextIOWrapper, _io.BufferedReader, ...).
 *
 * Blocking reads and writes are where the threads issue will detach the
 * thread state (TN_BEGIN_ALLOW_THREADS).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/modules/modules.h"

typedef struct TnFile {
    TnObject ob;
    FILE *fp;
    TnObject *name;       /* str, or int for file descriptors */
    TnObject *mode;       /* the mode string given to open() */
    uint8_t readable, writable, binary, closed, owns_stream;
    uint8_t pending_cr;   /* text read: a '\r' ended the last chunk */
    TnObject *dict;
} TnFile;

extern TnType tn_type_file;



/* The C stream of a text file object (print's fast path), else NULL. */
FILE *tn_io_text_stream(TnObject *f)
{
    if (f == NULL || tn_type(f) != &tn_type_file)
        return NULL;
    TnFile *file = (TnFile *)f;
    return !file->binary && !file->closed && file->writable ? file->fp : NULL;
}

static int check_open(TnFile *f)
{
    if (f->closed) {
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int check_readable(TnFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->readable) {
        tn_err_set_str(&tn_exc_OSError, "not readable");
        return -1;
    }
    return 0;
}

static TnObject *make_file(FILE *fp, TnObject *name, const char *mode, int readable, int writable, int binary,
                           int owns)
{
    TnFile *f = (TnFile *)tn_object_new(&tn_type_file, sizeof(TnFile));
    if (f == NULL)
        return NULL;
    f->fp = fp;
    f->name = tn_newref(name);
    f->mode = tn_str_from_cstr(mode);
    f->readable = (uint8_t)readable;
    f->writable = (uint8_t)writable;
    f->binary = (uint8_t)binary;
    f->owns_stream = (uint8_t)owns;
    if (f->mode == NULL) {
        tn_decref(TN_OBJ(f));
        return NULL;
    }
    return TN_OBJ(f);
}

/* ---- reading ------------------------------------------------------------------ */

/* Read up to `limit` units (limit < 0: all) from the stream: bytes in
 * binary mode, characters (UTF-8 sequences) in text mode; stop after a
 * newline if `line`.  Text mode translates "\r\n" and "\r" to "\n".
 * Returns a malloc'd buffer. */
static char *read_raw(TnFile *f, tn_ssize_t limit, bool line, size_t *out_len)
{
    size_t cap = 256, n = 0;
    tn_ssize_t units = 0;
    char *buf = tn_mem_alloc(cap);
    if (buf == NULL)
        return NULL;
    int c;
    for (;;) {
        if (f->binary && limit >= 0 && units == limit)
            break;
        c = getc(f->fp);
        if (c == EOF)
            break;
        if (!f->binary && (c & 0xC0) != 0x80) {
            /* The first byte of a character: stop before it at the limit. */
            if (limit >= 0 && units == limit) {
                ungetc(c, f->fp);
                break;
            }
            units++;
        } else if (f->binary) {
            units++;
        }
        if (!f->binary && c == '\r') {
            int next = getc(f->fp);
            if (next != '\n' && next != EOF)
                ungetc(next, f->fp);
            c = '\n';
        }
        if (n + 1 >= cap) {
            char *nb = tn_mem_realloc(buf, cap * 2);
            if (nb == NULL) {
                tn_mem_free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        buf[n++] = (char)c;
        if (line && c == '\n')
            break;
    }
    *out_len = n;
    return buf;
}

static TnObject *to_result(TnFile *f, char *buf, size_t n)
{
    TnObject *r = f->binary ? tn_bytes_from_data(buf, (tn_ssize_t)n) : tn_str_from_utf8(buf, (tn_ssize_t)n);
    tn_mem_free(buf);
    return r;
}

static tn_ssize_t size_arg(TnObject *const *args, tn_ssize_t nargs)
{
    if (nargs == 0 || args[0] == TN_NONE)
        return -1;
    return tn_number_as_ssize(args[0], &tn_exc_OverflowError);
}

static TnObject *file_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0 || check_readable(f) < 0)
        return NULL;
    tn_ssize_t size = size_arg(args, nargs);
    if (size == -1 && tn_err_occurred())
        return NULL;
    size_t n;
    char *buf = read_raw(f, size, false, &n);
    if (buf == NULL)
        return tn_err_no_memory();
    return to_result(f, buf, n);
}

static TnObject *file_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("readline", kwnames) < 0 || tn_args_count("readline", nargs, 0, 1) < 0
        || check_readable(f) < 0)
        return NULL;
    tn_ssize_t size = size_arg(args, nargs);
    if (size == -1 && tn_err_occurred())
        return NULL;
    size_t n;
    char *buf = read_raw(f, size, true, &n);
    if (buf == NULL)
        return tn_err_no_memory();
    return to_result(f, buf, n);
}

static TnObject *file_readlines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("readlines", kwnames) < 0 || tn_args_count("readlines", nargs, 0, 1) < 0
        || check_readable(f) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    while (list != NULL) {
        size_t n;
        char *buf = read_raw(f, -1, true, &n);
        if (buf == NULL) {
            tn_decref(list);
            return tn_err_no_memory();
        }
        if (n == 0) {
            tn_mem_free(buf);
            break;
        }
        TnObject *line = to_result(f, buf, n);
        if (line == NULL || tn_list_append_steal(list, line) < 0)
            TN_CLEAR(list);
    }
    return list;
}

static TnObject *file_iternext(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    if (check_readable(f) < 0)
        return NULL;
    size_t n;
    char *buf = read_raw(f, -1, true, &n);
    if (buf == NULL)
        return tn_err_no_memory();
    if (n == 0) {
        tn_mem_free(buf);
        return NULL;
    }
    return to_result(f, buf, n);
}

static TnObject *file_iter(TnObject *self)
{
    if (check_open((TnFile *)self) < 0)
        return NULL;
    return tn_newref(self);
}

/* ---- writing ------------------------------------------------------------------ */

static TnObject *file_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0 || check_open(f) < 0)
        return NULL;
    if (!f->writable) {
        tn_err_set_str(&tn_exc_OSError, "not writable");
        return NULL;
    }
    const char *data;
    tn_ssize_t len, count;
    if (f->binary) {
        if (tn_bytes_like(args[0], &data, &len) <= 0)
            return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
        count = len;
    } else {
        if (!tn_str_check(args[0]))
            return tn_err_format(&tn_exc_TypeError, "write() argument must be str, not %T", args[0]);
        data = tn_str_utf8(args[0], &len);
        if (data == NULL)
            return NULL;
        count = tn_str_length(args[0]);
    }
    if (len > 0 && fwrite(data, 1, (size_t)len, f->fp) != (size_t)len)
        return tn_err_set_from_errno_filename(errno, NULL);
    return tn_int_from_ssize(count);
}

static TnObject *file_writelines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("writelines", kwnames) < 0 || tn_args_count("writelines", nargs, 1, 1) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    TnObject *line;
    while ((line = tn_iter_next(it)) != NULL) {
        TnObject *r = file_write(self, &line, 1, NULL);
        tn_decref(line);
        if (r == NULL) {
            tn_decref(it);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(it);
    return tn_err_occurred() ? NULL : tn_newref(TN_NONE);
}

static TnObject *file_flush(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0)
        return NULL;
    fflush(f->fp);
    return tn_newref(TN_NONE);
}

/* ---- positioning, closing ------------------------------------------------------------ */

static TnObject *file_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0 || check_open(f) < 0)
        return NULL;
    tn_ssize_t off = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (off == -1 && tn_err_occurred())
        return NULL;
    tn_ssize_t whence = nargs > 1 ? tn_number_as_ssize(args[1], &tn_exc_OverflowError) : 0;
    if (whence == -1 && tn_err_occurred())
        return NULL;
    if (whence < 0 || whence > 2)
        return tn_err_format(&tn_exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (!f->binary && whence != 0 && off != 0)
        return tn_err_format(&tn_exc_OSError, whence == 1 ? "can't do nonzero cur-relative seeks"
                                                                    : "can't do nonzero end-relative seeks");
    if (fseek(f->fp, (long)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END) != 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    return tn_int_from_i64((int64_t)ftell(f->fp));
}

static TnObject *file_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)ftell(f->fp));
}

static int close_stream(TnFile *f)
{
    if (f->closed)
        return 0;
    f->closed = 1;
    if (f->owns_stream)
        return fclose(f->fp);
    fflush(f->fp);
    return 0;
}

static TnObject *file_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (close_stream((TnFile *)self) != 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    return tn_newref(TN_NONE);
}

static TnObject *file_enter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_open((TnFile *)self) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *file_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return file_close(self, NULL, 0, NULL);
}

static TnObject *file_bool_meth(TnObject *self, int which)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0)
        return NULL;
    return tn_bool_from(which == 0 ? f->readable : which == 1 ? f->writable : 1);
}

static TnObject *file_readable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return file_bool_meth(self, 0); }
static TnObject *file_writable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return file_bool_meth(self, 1); }
static TnObject *file_seekable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return file_bool_meth(self, 2); }

static TnObject *file_fileno(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0)
        return NULL;
    return tn_int_from_i64(fileno(f->fp));
}

static TnObject *file_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0)
        return NULL;
    return tn_bool_from(isatty(fileno(f->fp)));
}

static void file_dealloc(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    close_stream(f);
    TN_CLEAR(f->name);
    TN_CLEAR(f->mode);
    TN_CLEAR(f->dict);
    tn_object_free(self);
}

static const char *type_name_of(TnFile *f)
{
    if (!f->binary)
        return "_io.TextIOWrapper";
    if (f->readable && f->writable)
        return "_io.BufferedRandom";
    return f->readable ? "_io.BufferedReader" : "_io.BufferedWriter";
}

static TnObject *file_repr(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    if (f->closed && !f->binary)
        return tn_str_from_format("<%s name=%R mode=%R encoding='UTF-8'>", type_name_of(f), f->name, f->mode);
    if (f->binary)
        return tn_str_from_format("<%s name=%R>", type_name_of(f), f->name);
    return tn_str_from_format("<%s name=%R mode=%R encoding='utf-8'>", type_name_of(f), f->name, f->mode);
}

static TnObject *file_get_closed(TnObject *self, void *c) { return tn_bool_from(((TnFile *)self)->closed); }
static TnObject *file_get_name(TnObject *self, void *c) { return tn_newref(((TnFile *)self)->name); }
static TnObject *file_get_mode(TnObject *self, void *c) { return tn_newref(((TnFile *)self)->mode); }

static TnObject *file_get_encoding(TnObject *self, void *c)
{
    if (((TnFile *)self)->binary)
        return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute 'encoding'",
                             type_name_of((TnFile *)self));
    return tn_str_from_cstr("utf-8");
}

static const TnMethodDef file_methods[] = {
    {"read", file_read, 0, NULL},
    {"readline", file_readline, 0, NULL},
    {"readlines", file_readlines, 0, NULL},
    {"write", file_write, 0, NULL},
    {"writelines", file_writelines, 0, NULL},
    {"flush", file_flush, 0, NULL},
    {"seek", file_seek, 0, NULL},
    {"tell", file_tell, 0, NULL},
    {"close", file_close, 0, NULL},
    {"readable", file_readable, 0, NULL},
    {"writable", file_writable, 0, NULL},
    {"seekable", file_seekable, 0, NULL},
    {"fileno", file_fileno, 0, NULL},
    {"isatty", file_isatty, 0, NULL},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef file_getsets[] = {
    {"closed", file_get_closed, NULL, NULL, NULL},
    {"name", file_get_name, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_file = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "TextIOWrapper",
    .basicsize = sizeof(TnFile),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .getsets = file_getsets,
    .dictoffset = offsetof(TnFile, dict),
    .new_ = tn_type_new_not_allowed,
};

/* ---- open() ------------------------------------------------------------------------- */

/* Parse a mode string as CPython's io.open does. */
static int parse_mode(TnObject *mode_obj, int *r, int *w, int *b, const char **cmode)
{
    const char *m = tn_str_utf8(mode_obj, NULL);
    if (m == NULL)
        return -1;
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, binary = 0;
    for (const char *p = m; *p; p++) {
        int *flag;
        switch (*p) {
        case 'x': flag = &creating; break;
        case 'r': flag = &reading; break;
        case 'w': flag = &writing; break;
        case 'a': flag = &appending; break;
        case '+': flag = &updating; break;
        case 't': flag = &text; break;
        case 'b': flag = &binary; break;
        default: flag = NULL; break;
        }
        if (flag == NULL || *flag) {
            tn_err_format(&tn_exc_ValueError, "invalid mode: '%s'", m);
            return -1;
        }
        *flag = 1;
    }
    if (text && binary) {
        tn_err_set_str(&tn_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (creating + reading + writing + appending > 1) {
        tn_err_set_str(&tn_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (creating + reading + writing + appending == 0) {
        tn_err_set_str(&tn_exc_ValueError,
                       "Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }
    *r = reading || updating;
    *w = writing || appending || creating || updating;
    *b = binary;
    if (reading)
        *cmode = updating ? "r+" : "r";
    else if (writing)
        *cmode = updating ? "w+" : "w";
    else if (appending)
        *cmode = updating ? "a+" : "a";
    else
        *cmode = updating ? "w+x" : "wx";
    return 0;
}

static TnObject *builtin_open(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd",
                                        "opener", NULL};
    TnObject *out[8];
    if (tn_args_parse("open", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    TnObject *file = out[0];
    TnObject *mode = out[1] != NULL ? out[1] : NULL;
    TnObject *dflt = NULL;
    if (mode == NULL && (mode = dflt = tn_str_from_cstr("r")) == NULL)
        return NULL;
    if (!tn_str_check(mode)) {
        tn_xdecref(dflt);
        return tn_err_format(&tn_exc_TypeError, "open() argument 'mode' must be str, not %T", mode);
    }
    if (out[3] != NULL && out[3] != TN_NONE) {
        TnObject *enc = out[3];
        bool utf8 = tn_str_check(enc) && (tn_str_eq_cstr(enc, "utf-8") || tn_str_eq_cstr(enc, "utf8")
                                          || tn_str_eq_cstr(enc, "UTF-8") || tn_str_eq_cstr(enc, "ascii"));
        if (!utf8) {
            tn_xdecref(dflt);
            return tn_err_format(&tn_exc_LookupError, "unknown encoding: %S", enc);
        }
    }
    int r, w, b;
    const char *cmode;
    if (parse_mode(mode, &r, &w, &b, &cmode) < 0) {
        tn_xdecref(dflt);
        return NULL;
    }
    if (b && out[3] != NULL && out[3] != TN_NONE) {
        tn_xdecref(dflt);
        return tn_err_format(&tn_exc_ValueError, "binary mode doesn't take an encoding argument");
    }
    FILE *fp;
    if (tn_int_check(file)) {
        tn_ssize_t fd = tn_number_as_ssize(file, &tn_exc_OverflowError);
        fp = fd >= 0 ? fdopen((int)fd, strchr(cmode, 'x') ? "w" : cmode) : NULL;
    } else if (tn_str_check(file)) {
        const char *path = tn_str_utf8(file, NULL);
        fp = path != NULL ? fopen(path, cmode) : NULL;
    } else {
        tn_xdecref(dflt);
        return tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    if (fp == NULL) {
        int err = errno;
        tn_xdecref(dflt);
        return tn_err_set_from_errno_filename(err, file);
    }
    TnObject *f = make_file(fp, file, tn_str_utf8(mode, NULL), r, w, b, 1);
    tn_xdecref(dflt);
    if (f == NULL)
        fclose(fp);
    return f;
}

static const TnMethodDef open_def = {"open", builtin_open, 0, "Open file and return a stream."};

int tn_io_install(TnObject *builtins_dict, TnObject *sysdict)
{
    if (tn_type_ready(&tn_type_file) < 0)
        return -1;
    TnObject *open = tn_cfunction_new(&open_def, NULL, NULL);
    if (open == NULL || tn_dict_set_item_cstr(builtins_dict, "open", open) < 0) {
        tn_xdecref(open);
        return -1;
    }
    tn_decref(open);
    static const struct { const char *attr; const char *name; int fd; int readable; } std[] = {
        {"stdin", "<stdin>", 0, 1}, {"stdout", "<stdout>", 1, 0}, {"stderr", "<stderr>", 2, 0},
    };
    FILE *streams[3] = {stdin, stdout, stderr};
    for (int i = 0; i < 3; i++) {
        TnObject *name = tn_str_from_cstr(std[i].name);
        TnObject *f = name != NULL ? make_file(streams[i], name, std[i].readable ? "r" : "w", std[i].readable,
                                               !std[i].readable, 0, 0)
                                   : NULL;
        tn_xdecref(name);
        if (f == NULL)
            return -1;
        char dunder[16];
        snprintf(dunder, sizeof dunder, "__%s__", std[i].attr);
        int rr = tn_dict_set_item_cstr(sysdict, std[i].attr, f) < 0 || tn_dict_set_item_cstr(sysdict, dunder, f) < 0;
        tn_decref(f);
        if (rr)
            return -1;
    }
    return 0;
}
