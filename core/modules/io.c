/* core/modules/io.c — sys.stdin, sys.stdout and sys.stderr, and
 * builtins.open.  Design: docs/io.md ("The standard streams").
 *
 * As CPython's create_stdio: each stream is an _io.TextIOWrapper over a
 * BufferedReader / BufferedWriter over FileIO(0/1/2, closefd=False), whose
 * name is '<stdin>' ... and the text layer's mode 'r' / 'w'.  Encoding
 * utf-8 (Tandem behaves as CPython in UTF-8 mode), errors surrogateescape
 * for stdin and stdout and backslashreplace for stderr, newline '\n' (no
 * translation).  stdout is line-buffered on a terminal and block-buffered
 * otherwise; stderr is always line-buffered.  With -u stdout and stderr
 * have no buffer (the FileIO directly, write_through).  A descriptor that
 * is not open gives None, as in CPython.
 *
 * Their threads, locks, blocking calls and signals are the _io objects'
 * (docs/io.md, "Threads").  At exit tn_io_flush_std_files flushes stdout
 * then stderr (CPython's flush_std_files). */
#include <fcntl.h>
#include <unistd.h>
#include "core/modules/io_internal.h"
#include "core/modules/modules.h"

static bool unbuffered_stdio;

void tn_io_set_unbuffered(bool unbuffered) { unbuffered_stdio = unbuffered; }

static int set_attr(TnObject *obj, const char *name, const char *value)
{
    TnObject *v = tn_str_from_cstr(value);
    int r = v != NULL ? tn_object_setattr(obj, tn_str_intern_cstr(name), v) : -1;
    tn_xdecref(v);
    return r;
}

/* One standard stream, or None when fd is not open. */
static TnObject *make_std_stream(int fd, bool write, const char *name, const char *errors)
{
    if (fcntl(fd, F_GETFD) < 0)
        return tn_none_ref();
    bool raw_only = write && unbuffered_stdio;
    TnObject *oargs[7] = {tn_int_from_ssize(fd), tn_str_from_cstr(write ? "wb" : "rb"),
                          tn_int_from_ssize(raw_only ? 0 : -1), TN_NONE, TN_NONE, TN_NONE, tn_bool_from(0)};
    TnObject *buf = oargs[0] != NULL && oargs[1] != NULL && oargs[2] != NULL ? tn_io_open_impl(oargs, 7, NULL) : NULL;
    for (int i = 0; i < 3; i++)
        tn_xdecref(oargs[i]);
    if (buf == NULL)
        return NULL;
    TnObject *raw = raw_only ? tn_newref(buf) : tn_object_getattr_cstr(buf, "raw");
    TnObject *tty = raw != NULL && set_attr(raw, "name", name) == 0 ? tn_io_call0(raw, "isatty") : NULL;
    tn_xdecref(raw);
    if (tty == NULL) {
        tn_decref(buf);
        return NULL;
    }
    bool line_buffering = !raw_only && (tty == TN_TRUE || fd == 2);
    tn_decref(tty);
    TnObject *targs[6] = {buf, tn_str_from_cstr("utf-8"), tn_str_from_cstr(errors), tn_str_from_cstr("\n"),
                          tn_bool_from(line_buffering), tn_bool_from(raw_only)};
    TnObject *text = targs[1] != NULL && targs[2] != NULL && targs[3] != NULL
                         ? tn_call(TN_OBJ(&tn_io_textiowrapper_type), targs, 6, NULL)
                         : NULL;
    for (int i = 1; i < 4; i++)
        tn_xdecref(targs[i]);
    tn_decref(buf);
    if (text != NULL && set_attr(text, "mode", write ? "w" : "r") < 0)
        TN_CLEAR(text);
    return text;
}

int tn_io_install(TnObject *builtins_dict, TnObject *sysdict)
{
    /* builtins.open is _io.open (the _io module is created at start-up). */
    TnObject *io = tn_dict_get_cstr_borrowed(tn_interp()->modules, "_io");
    TnObject *open = io != NULL ? tn_object_getattr_cstr(io, "open") : NULL;
    if (open == NULL || tn_dict_set_item_cstr(builtins_dict, "open", open) < 0) {
        tn_xdecref(open);
        return -1;
    }
    tn_decref(open);
    static const struct { const char *attr, *dunder, *name, *errors; int fd; bool write; } std[] = {
        {"stdin", "__stdin__", "<stdin>", "surrogateescape", 0, false},
        {"stdout", "__stdout__", "<stdout>", "surrogateescape", 1, true},
        {"stderr", "__stderr__", "<stderr>", "backslashreplace", 2, true},
    };
    for (int i = 0; i < 3; i++) {
        TnObject *f = make_std_stream(std[i].fd, std[i].write, std[i].name, std[i].errors);
        if (f == NULL)
            return -1;
        int r = tn_dict_set_item_cstr(sysdict, std[i].attr, f) < 0 || tn_dict_set_item_cstr(sysdict, std[i].dunder, f) < 0;
        tn_decref(f);
        if (r)
            return -1;
    }
    return 0;
}

/* Flush sys.<name> unless it is None or closed.  0 / -1 (exception set). */
static int flush_std(const char *name, TnObject **file_out)
{
    TnObject *sysdict = tn_interp()->sysdict;
    TnObject *f = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, name) : NULL;
    *file_out = f;
    if (f == NULL || f == TN_NONE)
        return 0;
    TnObject *closed = NULL;
    if (tn_object_lookup_attr(f, tn_str_intern_cstr("closed"), &closed) < 0) {
        tn_err_clear();
    } else if (closed != NULL) {
        int c = tn_object_is_true(closed);
        tn_decref(closed);
        if (c != 0) {
            tn_err_clear();
            return 0;
        }
    }
    TnObject *r = tn_io_call0(f, "flush");
    tn_xdecref(r);
    return r == NULL ? -1 : 0;
}

int tn_io_flush_std_files(bool originals)
{
    int status = 0;
    TnObject *saved = tn_err_fetch();
    TnObject *f;
    if (flush_std(originals ? "__stdout__" : "stdout", &f) < 0) {
        tn_err_write_unraisable(NULL, f);
        status = -1;
    }
    tn_xdecref(f);
    if (flush_std(originals ? "__stderr__" : "stderr", &f) < 0) {
        tn_err_clear();
        status = -1;
    }
    tn_xdecref(f);
    tn_err_restore(saved);
    return status;
}

int tn_io_flush_std(const char *name)
{
    TnObject *f;
    int r = flush_std(name, &f);
    tn_xdecref(f);
    if (r < 0)
        tn_err_clear();
    return r;
}
