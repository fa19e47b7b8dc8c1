/* core/modules/io_module.c — the _io module: open(), open_code(),
 * text_encoding(), DEFAULT_BUFFER_SIZE, UnsupportedOperation and the
 * classes of io_iobase.c, io_fileio.c, io_bufferedio.c, io_textio.c,
 * io_bytesio.c and io_stringio.c.  CPython 3.11's /usr/lib/python3.11/io.py
 * runs over it.  Design: docs/io.md. */
#include "core/modules/io_internal.h"
#include "core/modules/modules.h"

/* ---- open() ------------------------------------------------------------------------ */

static int optional_str(const char *argname, TnObject *v)
{
    if (v != NULL && v != TN_NONE && !tn_str_check(v)) {
        tn_err_format(&tn_exc_TypeError, "open() argument '%s' must be str or None, not %s", argname,
                      tn_type(v)->name);
        return -1;
    }
    return 0;
}

static int int_arg(TnObject *v, tn_ssize_t dflt, tn_ssize_t *out)
{
    *out = dflt;
    if (v == NULL)
        return 0;
    if (tn_object_type_check(v, &tn_type_float)) {
        tn_err_set_str(&tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    *out = tn_number_as_ssize(v, &tn_exc_OverflowError);
    return *out == -1 && tn_err_occurred() ? -1 : 0;
}

/* The mode string checked as CPython's open() checks it; the FileIO mode
 * ("r", "w+", ...) in rawmode, and the flags. */
typedef struct OpenMode {
    bool creating, reading, writing, appending, updating, text, binary;
    char rawmode[6];
} OpenMode;

static int parse_open_mode(const char *mode, OpenMode *m)
{
    memset(m, 0, sizeof *m);
    for (const char *p = mode; *p; p++) {
        bool *flag;
        switch (*p) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL; break;
        }
        if (flag == NULL || strchr(p + 1, *p) != NULL) {
            tn_err_format(&tn_exc_ValueError, "invalid mode: '%s'", mode);
            return -1;
        }
        *flag = true;
    }
    char *r = m->rawmode;
    if (m->creating)
        *r++ = 'x';
    if (m->reading)
        *r++ = 'r';
    if (m->writing)
        *r++ = 'w';
    if (m->appending)
        *r++ = 'a';
    if (m->updating)
        *r++ = '+';
    *r = '\0';
    if (m->text && m->binary) {
        tn_err_set_str(&tn_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (m->creating + m->reading + m->writing + m->appending > 1) {
        tn_err_set_str(&tn_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    return 0;
}

/* The stream made so far is closed when a later step fails, keeping the
 * first error (CPython's open() error path). */
static TnObject *close_on_error(TnObject *result)
{
    TnObject *exc = tn_err_fetch();
    TnObject *r = tn_io_call0(result, "close");
    if (r == NULL) {
        TnObject *exc2 = tn_err_fetch();
        tn_err_chain_to(exc2, exc);
        tn_decref(exc);
        exc = exc2;
    }
    tn_xdecref(r);
    tn_decref(result);
    tn_err_restore(exc);
    return NULL;
}

static TnObject *call_type(TnType *tp, TnObject *const *args, tn_ssize_t nargs)
{
    return tn_call(TN_OBJ(tp), args, nargs, NULL);
}

/* The steps after the checks: FileIO, then a buffered object, then a
 * TextIOWrapper, as buffering and the mode ask. */
static TnObject *open_streams(TnObject *path_or_fd, const char *mode, OpenMode *m, tn_ssize_t buffering,
                              TnObject *const *text_args, bool closefd, TnObject *opener)
{
    TnObject *rawmode = tn_str_from_cstr(m->rawmode);
    if (rawmode == NULL)
        return NULL;
    TnObject *rargs[4] = {path_or_fd, rawmode, tn_bool_from(closefd), opener != NULL ? opener : TN_NONE};
    TnObject *raw = call_type(&tn_io_fileio_type, rargs, 4);
    tn_decref(rawmode);
    if (raw == NULL)
        return NULL;
    TnObject *result = raw;
    bool line_buffering = false, tty = false;
    if (buffering < 0) {
        TnObject *r = tn_io_call0(raw, "isatty");
        if (r == NULL)
            return close_on_error(result);
        int t = tn_object_is_true(r);
        tn_decref(r);
        if (t < 0)
            return close_on_error(result);
        tty = t;
    }
    if (buffering == 1 || tty) {
        buffering = -1;
        line_buffering = true;
    }
    if (buffering < 0) {
        TnObject *bs = tn_object_getattr_cstr(raw, "_blksize");
        if (bs == NULL)
            return close_on_error(result);
        buffering = tn_number_as_ssize(bs, &tn_exc_OverflowError);
        tn_decref(bs);
        if (buffering == -1 && tn_err_occurred())
            return close_on_error(result);
    }
    if (buffering < 0) {
        tn_err_set_str(&tn_exc_ValueError, "invalid buffering size");
        return close_on_error(result);
    }
    if (buffering == 0) {
        if (!m->binary) {
            tn_err_set_str(&tn_exc_ValueError, "can't have unbuffered text I/O");
            return close_on_error(result);
        }
        return result;
    }
    TnType *cls = m->updating                                  ? &tn_io_bufferedrandom_type
                  : m->creating || m->writing || m->appending ? &tn_io_bufferedwriter_type
                  : m->reading                                 ? &tn_io_bufferedreader_type
                                                               : NULL;
    if (cls == NULL) {
        tn_err_format(&tn_exc_ValueError, "unknown mode: '%s'", mode);
        return close_on_error(result);
    }
    TnObject *size = tn_int_from_ssize(buffering);
    TnObject *bargs[2] = {raw, size};
    TnObject *buffer = size != NULL ? call_type(cls, bargs, 2) : NULL;
    tn_xdecref(size);
    if (buffer == NULL)
        return close_on_error(result);
    tn_decref(raw);
    result = buffer;
    if (m->binary)
        return result;
    TnObject *targs[5] = {buffer, text_args[0], text_args[1], text_args[2], tn_bool_from(line_buffering)};
    TnObject *wrapper = call_type(&tn_io_textiowrapper_type, targs, 5);
    if (wrapper == NULL)
        return close_on_error(result);
    tn_decref(buffer);
    result = wrapper;
    TnObject *modeobj = tn_str_from_cstr(mode);
    if (modeobj == NULL || tn_object_setattr(wrapper, tn_str_intern_cstr("mode"), modeobj) < 0) {
        tn_xdecref(modeobj);
        return close_on_error(result);
    }
    tn_decref(modeobj);
    return result;
}

/* The path or descriptor: a number as it is, else os.fspath(file). */
static TnObject *path_or_fd_of(TnObject *file)
{
    if (tn_int_check(file) || tn_object_type_check(file, &tn_type_float) || tn_str_check(file)
        || tn_bytes_check(file))
        return tn_newref(file);
    TnObject *r = NULL;
    int found = tn_builtins_call_special(file, "__fspath__", NULL, 0, &r);
    if (found < 0)
        return NULL;
    if (found == 0)
        return tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             tn_type(file)->name);
    if (!tn_str_check(r) && !tn_bytes_check(r)) {
        tn_err_format(&tn_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                      tn_type(file)->name, tn_type(r)->name);
        tn_decref(r);
        return NULL;
    }
    return r;
}

TnObject *tn_io_open_impl(TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd",
                                        "opener", NULL};
    TnObject *out[8];
    if (tn_args_parse("open", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    const char *mode = "r";
    if (out[1] != NULL) {
        if (!tn_str_check(out[1]))
            return tn_err_format(&tn_exc_TypeError, "open() argument 'mode' must be str, not %s",
                                 tn_type(out[1])->name);
        tn_ssize_t n;
        mode = tn_str_utf8(out[1], &n);
        if (mode == NULL)
            return NULL;
        if ((tn_ssize_t)strlen(mode) != n)
            return tn_err_set_str(&tn_exc_ValueError, "embedded null character"), NULL;
    }
    tn_ssize_t buffering, closefd;
    if (int_arg(out[2], -1, &buffering) < 0 || optional_str("encoding", out[3]) < 0
        || optional_str("errors", out[4]) < 0 || optional_str("newline", out[5]) < 0
        || int_arg(out[6], 1, &closefd) < 0)
        return NULL;
    TnObject *path_or_fd = path_or_fd_of(out[0]);
    if (path_or_fd == NULL)
        return NULL;
    OpenMode m;
    TnObject *res = NULL;
    bool has_enc = out[3] != NULL && out[3] != TN_NONE, has_err = out[4] != NULL && out[4] != TN_NONE,
         has_nl = out[5] != NULL && out[5] != TN_NONE;
    if (parse_open_mode(mode, &m) < 0)
        goto done;
    if (m.binary && has_enc) {
        tn_err_set_str(&tn_exc_ValueError, "binary mode doesn't take an encoding argument");
        goto done;
    }
    if (m.binary && has_err) {
        tn_err_set_str(&tn_exc_ValueError, "binary mode doesn't take an errors argument");
        goto done;
    }
    if (m.binary && has_nl) {
        tn_err_set_str(&tn_exc_ValueError, "binary mode doesn't take a newline argument");
        goto done;
    }
    TnObject *text_args[3] = {has_enc ? out[3] : TN_NONE, has_err ? out[4] : TN_NONE, has_nl ? out[5] : TN_NONE};
    TnObject *opener = out[7] != NULL && out[7] != TN_NONE ? out[7] : NULL;
    res = open_streams(path_or_fd, mode, &m, buffering, text_args, closefd != 0, opener);
done:
    tn_decref(path_or_fd);
    return res;
}

static TnObject *io_open(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_open_impl(args, nargs, kwnames);
}

static TnObject *io_open_code(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *out[1];
    if (tn_args_parse("open_code", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    if (!tn_str_check(out[0]))
        return tn_err_format(&tn_exc_TypeError, "open_code() argument 'path' must be str, not %s",
                             tn_type(out[0])->name);
    TnObject *mode = tn_str_from_cstr("rb");
    if (mode == NULL)
        return NULL;
    TnObject *a[2] = {out[0], mode};
    TnObject *r = tn_io_open_impl(a, 2, NULL);
    tn_decref(mode);
    return r;
}

static TnObject *io_text_encoding(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("text_encoding", kwnames) < 0 || tn_args_count("text_encoding", nargs, 1, 2) < 0)
        return NULL;
    if (nargs > 1 && !tn_int_check(args[1]))
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             tn_type(args[1])->name);
    /* Tandem behaves as CPython in UTF-8 mode (PEP 540), the mode the
     * reference outputs are made in: "utf-8", not "locale". */
    if (args[0] == TN_NONE)
        return tn_str_from_cstr("utf-8");
    return tn_newref(args[0]);
}

static const TnMethodDef io_functions[] = {
    {"open", io_open, 0, "Open file and return a stream.  Raise OSError upon failure."},
    {"open_code", io_open_code, 0, "Opens the provided file with the intent to import the contents."},
    {"text_encoding", io_text_encoding, 0, "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL},
};

/* ---- the module ------------------------------------------------------------------------ */

static int make_unsupported_operation(void)
{
    if (tn_io_unsupported_operation != NULL)
        return 0;
    TnObject *name = tn_str_from_cstr("UnsupportedOperation");
    TnObject *bases = tn_tuple_new(2);
    TnObject *ns = tn_dict_new();
    TnObject *modname = tn_str_from_cstr("io");
    if (name == NULL || bases == NULL || ns == NULL || modname == NULL
        || tn_dict_set_item_cstr(ns, "__module__", modname) < 0) {
        tn_xdecref(name);
        tn_xdecref(bases);
        tn_xdecref(ns);
        tn_xdecref(modname);
        return -1;
    }
    tn_tuple_set_steal(bases, 0, tn_newref(TN_OBJ(&tn_exc_OSError)));
    tn_tuple_set_steal(bases, 1, tn_newref(TN_OBJ(&tn_exc_ValueError)));
    TnObject *a[3] = {name, bases, ns};
    TnObject *cls = tn_call(TN_OBJ(&tn_type_type), a, 3, NULL);
    tn_decref(name);
    tn_decref(bases);
    tn_decref(ns);
    tn_decref(modname);
    if (cls == NULL)
        return -1;
    tn_io_unsupported_operation = cls;   /* kept for the life of the process */
    return 0;
}

TnObject *tn_io_module_create(void)
{
    static TnType *const types[] = {
        &tn_io_iobase_type, &tn_io_rawiobase_type, &tn_io_bufferediobase_type, &tn_io_textiobase_type,
        &tn_io_fileio_type, &tn_io_bytesio_type, &tn_io_stringio_type, &tn_io_bufferedreader_type,
        &tn_io_bufferedwriter_type, &tn_io_bufferedrandom_type, &tn_io_bufferedrwpair_type,
        &tn_io_textiowrapper_type, &tn_io_nldecoder_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (tn_type_ready(types[i]) < 0)
            return NULL;
    if (make_unsupported_operation() < 0)
        return NULL;
    TnObject *m = tn_module_new("_io");
    if (m == NULL)
        return NULL;
    TnObject *bufsize = tn_int_from_ssize(TN_IO_DEFAULT_BUFFER_SIZE);
    int r = bufsize == NULL || tn_module_add_object(m, "DEFAULT_BUFFER_SIZE", bufsize) < 0
            || tn_module_add_object(m, "UnsupportedOperation", tn_io_unsupported_operation) < 0
            || tn_module_add_object(m, "BlockingIOError", TN_OBJ(&tn_exc_BlockingIOError)) < 0
            || tn_module_add_functions(m, io_functions) < 0;
    tn_xdecref(bufsize);
    for (size_t i = 0; !r && i < sizeof types / sizeof types[0]; i++) {
        const char *dot = strrchr(types[i]->name, '.');
        r = tn_module_add_object(m, dot + 1, TN_OBJ(types[i])) < 0;
    }
    if (r) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
