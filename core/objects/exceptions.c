/* core/objects/exceptions.c — BaseException and the builtin hierarchy,
 * plus the traceback object.
 *
 * Every builtin exception class is a static type generated from
 * TN_EXCEPTION_LIST.  Classes with extra fields (SyntaxError, StopIteration,
 * SystemExit, NameError, AttributeError, ImportError, OSError, the Unicode
 * encode/decode/translate errors) use a larger struct and
 * their own new/dealloc.  BaseExceptionGroup/ExceptionGroup (PEP 654) carry
 * message and exceptions and implement split/subgroup/derive as CPython's
 * Objects/exceptions.c does. */
#include <errno.h>
#include "core/tn.h"
#include "core/objects/codecs.h"

/* ---- BaseException ----------------------------------------------------- */

static void exc_clear_fields(TnBaseException *e)
{
    TN_CLEAR(e->args);
    TN_CLEAR(e->traceback);
    TN_CLEAR(e->context);
    TN_CLEAR(e->cause);
    TN_CLEAR(e->dict);
    TN_CLEAR(e->notes);
}

static void exc_dealloc(TnObject *self)
{
    exc_clear_fields((TnBaseException *)self);
    tn_object_free(self);
}

/* ---- cycle collection ------------------------------------------------------
 * Every exception takes part (CPython's BaseException_traverse / _clear and
 * the subclasses' own): a traceback, __context__ or __dict__ easily leads
 * back to the exception.  The fields are QSBR fields (threading/qsbr.h),
 * so clear replaces them as the setters do.  args becomes the empty tuple,
 * not NULL: str(), repr() and the args getter read it as a tuple. */
static int exc_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnBaseException *e = (TnBaseException *)self;
    TN_VISIT(e->args);
    TN_VISIT(e->traceback);
    TN_VISIT(e->context);
    TN_VISIT(e->cause);
    TN_VISIT(e->dict);
    TN_VISIT(e->notes);
    return 0;
}

static int exc_clear(TnObject *self)
{
    TnBaseException *e = (TnBaseException *)self;
    TnObject *empty = tn_tuple_new(0);
    if (empty != NULL)
        tn_field_replace_steal(&e->args, empty);
    else
        tn_err_clear();     /* out of memory: the args stay */
    tn_field_replace_steal(&e->traceback, NULL);
    tn_field_replace_steal(&e->context, NULL);
    tn_field_replace_steal(&e->cause, NULL);
    tn_field_replace_steal(&e->dict, NULL);
    tn_field_replace_steal(&e->notes, NULL);
    return 0;
}

/* The subclasses' fields are all optional (None when NULL, as when the
 * constructor was given fewer arguments). */
static int replace_fields_null(TnObject *self, const size_t *offsets, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tn_field_replace_steal((TnObject **)((char *)self + offsets[i]), NULL);
    return exc_clear(self);
}

static int visit_fields(TnObject *self, const size_t *offsets, size_t n, tn_visitproc visit, void *arg)
{
    for (size_t i = 0; i < n; i++)
        TN_VISIT(*(TnObject **)((char *)self + offsets[i]));
    return exc_traverse(self, visit, arg);
}

#define EXC_GC_SLOTS(prefix, ...)                                                       \
    static const size_t prefix##_fields[] = {__VA_ARGS__};                              \
    static int prefix##_traverse(TnObject *self, tn_visitproc visit, void *arg)         \
    {                                                                                   \
        return visit_fields(self, prefix##_fields, sizeof prefix##_fields / sizeof(size_t), visit, arg); \
    }                                                                                   \
    static int prefix##_clear(TnObject *self)                                           \
    {                                                                                   \
        return replace_fields_null(self, prefix##_fields, sizeof prefix##_fields / sizeof(size_t)); \
    }

EXC_GC_SLOTS(syntax_error, offsetof(TnSyntaxErrorObject, msg), offsetof(TnSyntaxErrorObject, filename),
             offsetof(TnSyntaxErrorObject, lineno), offsetof(TnSyntaxErrorObject, offset),
             offsetof(TnSyntaxErrorObject, text), offsetof(TnSyntaxErrorObject, end_lineno),
             offsetof(TnSyntaxErrorObject, end_offset), offsetof(TnSyntaxErrorObject, print_file_and_line))
EXC_GC_SLOTS(stop_iteration, offsetof(TnStopIterationObject, value))
EXC_GC_SLOTS(system_exit, offsetof(TnSystemExitObject, code))
EXC_GC_SLOTS(name_error, offsetof(TnNameErrorObject, name), offsetof(TnNameErrorObject, obj))
EXC_GC_SLOTS(os_error, offsetof(TnOSErrorObject, myerrno), offsetof(TnOSErrorObject, strerror),
             offsetof(TnOSErrorObject, filename), offsetof(TnOSErrorObject, filename2))

/* UnicodeError's encoding, object and reason are str or bytes (checked by
 * the constructor): visited, but they cannot lead back to the exception
 * and stay.  An exception group keeps its message and its non-empty tuple
 * of exceptions (split() and derive() rely on it); a cycle through them
 * passes through the member exceptions, which are cleared. */
static int unicode_error_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnUnicodeErrorObject *ue = (TnUnicodeErrorObject *)self;
    TN_VISIT(ue->encoding);
    TN_VISIT(ue->object);
    TN_VISIT(ue->reason);
    return exc_traverse(self, visit, arg);
}

static int exception_group_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnBaseExceptionGroupObject *eg = (TnBaseExceptionGroupObject *)self;
    TN_VISIT(eg->msg);
    TN_VISIT(eg->excs);
    return exc_traverse(self, visit, arg);
}

static void syntax_error_dealloc(TnObject *self)
{
    TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)self;
    TN_CLEAR(se->msg);
    TN_CLEAR(se->filename);
    TN_CLEAR(se->lineno);
    TN_CLEAR(se->offset);
    TN_CLEAR(se->text);
    TN_CLEAR(se->end_lineno);
    TN_CLEAR(se->end_offset);
    TN_CLEAR(se->print_file_and_line);
    exc_dealloc(self);
}

static void stop_iteration_dealloc(TnObject *self)
{
    TN_CLEAR(((TnStopIterationObject *)self)->value);
    exc_dealloc(self);
}

static void system_exit_dealloc(TnObject *self)
{
    TN_CLEAR(((TnSystemExitObject *)self)->code);
    exc_dealloc(self);
}

static void name_error_dealloc(TnObject *self)
{
    TN_CLEAR(((TnNameErrorObject *)self)->name);
    TN_CLEAR(((TnNameErrorObject *)self)->obj);
    exc_dealloc(self);
}

static void os_error_dealloc(TnObject *self)
{
    TnOSErrorObject *oe = (TnOSErrorObject *)self;
    TN_CLEAR(oe->myerrno);
    TN_CLEAR(oe->strerror);
    TN_CLEAR(oe->filename);
    TN_CLEAR(oe->filename2);
    exc_dealloc(self);
}

static void unicode_error_dealloc(TnObject *self)
{
    TnUnicodeErrorObject *ue = (TnUnicodeErrorObject *)self;
    TN_CLEAR(ue->encoding);
    TN_CLEAR(ue->object);
    TN_CLEAR(ue->reason);
    exc_dealloc(self);
}

/* One str argument of the Unicode*Error constructors (PyArg "U"). */
static int unicode_error_str_arg(TnObject *args, tn_ssize_t i, TnObject **slot)
{
    TnObject *v = tn_tuple_get(args, i);
    if (!tn_str_check(v)) {
        tn_err_format(&tn_exc_TypeError, "argument %zd must be str, not %T", i + 1, v);
        return -1;
    }
    tn_field_replace_steal(slot, tn_newref(v));
    return 0;
}

/* UnicodeEncodeError(encoding, object, start, end, reason), the decode form
 * (object bytes-like, stored as bytes) and UnicodeTranslateError(object,
 * start, end, reason), with CPython's PyArg_ParseTuple messages. */
static int unicode_error_init_fields(TnObject *self, TnObject *args, int kind)
{
    TnUnicodeErrorObject *ue = (TnUnicodeErrorObject *)self;
    tn_ssize_t want = kind == 't' ? 4 : 5, n = tn_tuple_size(args);
    if (n != want) {
        tn_err_format(&tn_exc_TypeError, "function takes exactly %zd arguments (%zd given)", want, n);
        return -1;
    }
    tn_ssize_t i = 0;
    if (kind != 't' && unicode_error_str_arg(args, i++, &ue->encoding) < 0)
        return -1;
    if (kind == 'd') {
        TnObject *v = tn_tuple_get(args, i++);
        TnObject *b = tn_bytes_check(v) ? tn_newref(v) : tn_bytes_snapshot_ref(v);
        if (b == NULL) {
            if (!tn_err_occurred())
                tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%T'", v);
            return -1;
        }
        tn_field_replace_steal(&ue->object, b);
    } else if (unicode_error_str_arg(args, i++, &ue->object) < 0) {
        return -1;
    }
    ue->start = tn_number_as_ssize(tn_tuple_get(args, i++), &tn_exc_OverflowError);
    if (ue->start == -1 && tn_err_occurred())
        return -1;
    ue->end = tn_number_as_ssize(tn_tuple_get(args, i++), &tn_exc_OverflowError);
    if (ue->end == -1 && tn_err_occurred())
        return -1;
    return unicode_error_str_arg(args, i, &ue->reason);
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2 to
 * 5 arguments the fields are set, and args keeps only (errno, strerror)
 * when a filename is given (CPython's oserror_parse_args/oserror_init). */
static int os_error_init_fields(TnObject *self)
{
    TnOSErrorObject *oe = (TnOSErrorObject *)self;
    TnObject *args = tn_field_get_ref(&oe->base.args);
    tn_ssize_t n = tn_tuple_size(args);
    int r = 0;
    if (n >= 2 && n <= 5) {
        tn_field_replace_steal(&oe->myerrno, tn_newref(tn_tuple_get(args, 0)));
        tn_field_replace_steal(&oe->strerror, tn_newref(tn_tuple_get(args, 1)));
    }
    if (n >= 3 && n <= 5 && tn_tuple_get(args, 2) != TN_NONE) {
        tn_field_replace_steal(&oe->filename, tn_newref(tn_tuple_get(args, 2)));
        if (n == 5 && tn_tuple_get(args, 4) != TN_NONE)
            tn_field_replace_steal(&oe->filename2, tn_newref(tn_tuple_get(args, 4)));
        TnObject *two = tn_tuple_slice(args, 0, 2);
        if (two != NULL)
            tn_field_replace_steal(&oe->base.args, two);
        else
            r = -1;
    }
    tn_decref(args);
    return r;
}

/* Fill the subclass-specific fields from args, as CPython's *_init do. */
static int exc_init_fields(TnObject *self, TnObject *args)
{
    tn_ssize_t n = tn_tuple_size(args);
    if (tn_object_type_check(self, &tn_exc_StopIteration)) {
        tn_field_replace_steal(&((TnStopIterationObject *)self)->value, tn_newref(n > 0 ? tn_tuple_get(args, 0) : TN_NONE));
    } else if (tn_object_type_check(self, &tn_exc_SystemExit)) {
        TnObject *code = n == 0 ? tn_newref(TN_NONE) : n == 1 ? tn_newref(tn_tuple_get(args, 0)) : tn_newref(args);
        tn_field_replace_steal(&((TnSystemExitObject *)self)->code, code);
    } else if (tn_object_type_check(self, &tn_exc_OSError)) {
        return os_error_init_fields(self);
    } else if (tn_object_type_check(self, &tn_exc_UnicodeEncodeError)) {
        return unicode_error_init_fields(self, args, 'e');
    } else if (tn_object_type_check(self, &tn_exc_UnicodeDecodeError)) {
        return unicode_error_init_fields(self, args, 'd');
    } else if (tn_object_type_check(self, &tn_exc_UnicodeTranslateError)) {
        return unicode_error_init_fields(self, args, 't');
    } else if (tn_object_type_check(self, &tn_exc_SyntaxError)) {
        TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)self;
        if (n >= 1)
            tn_field_replace_steal(&se->msg, tn_newref(tn_tuple_get(args, 0)));
        if (n == 2) {
            TnObject *info = tn_tuple_get(args, 1);
            if (!tn_tuple_check(info)) {
                tn_err_set_str(&tn_exc_TypeError, "SyntaxError() argument 2 must be a tuple");
                return -1;
            }
            tn_ssize_t k = tn_tuple_size(info);
            if (k < 4 || k > 6) {
                tn_err_set_str(&tn_exc_IndexError, "tuple index out of range");
                return -1;
            }
            TnObject **slots[6] = {&se->filename, &se->lineno, &se->offset, &se->text,
                                   &se->end_lineno, &se->end_offset};
            for (tn_ssize_t i = 0; i < k; i++)
                tn_field_replace_steal(slots[i], tn_newref(tn_tuple_get(info, i)));
        }
    }
    return 0;
}

/* Allocate an instance of type with the given args tuple (NULL = ()). */
TnObject *tn_exception_new(TnType *type, TnObject *args)
{
    /* Not tn_object_new: its failure raises MemoryError, which comes back here. */
    TnBaseException *e = (TnBaseException *)tn_object_alloc(type, (size_t)type->basicsize);
    if (e == NULL) {
        /* Out of memory while raising: use the preallocated MemoryError. */
        TnThreadState *ts = tn_tstate();
        if (ts != NULL && ts->interp != NULL && ts->interp->memory_error != NULL) {
            tn_xdecref(ts->curexc);
            ts->curexc = tn_newref(ts->interp->memory_error);
        }
        return NULL;
    }
    e->args = args != NULL ? tn_newref(args) : tn_tuple_new(0);
    if (e->args == NULL || exc_init_fields(TN_OBJ(e), e->args) < 0) {
        tn_decref(TN_OBJ(e));
        return NULL;
    }
    return TN_OBJ(e);
}

/* The OSError subclass CPython's errnomap gives for an errno value, or
 * OSError itself. */
static TnType *os_error_subclass(int err)
{
    switch (err) {
    case EEXIST: return &tn_exc_FileExistsError;
    case ENOENT: return &tn_exc_FileNotFoundError;
    case EISDIR: return &tn_exc_IsADirectoryError;
    case ENOTDIR: return &tn_exc_NotADirectoryError;
    case EINTR: return &tn_exc_InterruptedError;
    case EACCES: case EPERM: return &tn_exc_PermissionError;
    case ETIMEDOUT: return &tn_exc_TimeoutError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return &tn_exc_BlockingIOError;
    default: return &tn_exc_OSError;
    }
}

TnObject *tn_err_set_from_errno_filename(int err, TnObject *filename)
{
    TnObject *code = tn_int_from_i64(err);
    TnObject *msg = tn_str_from_cstr(strerror(err));
    TnObject *args = NULL, *exc = NULL;
    if (code != NULL && msg != NULL)
        args = filename != NULL ? tn_tuple_pack(3, code, msg, filename) : tn_tuple_pack(2, code, msg);
    TnType *type = os_error_subclass(err);
    if (args != NULL)
        exc = tn_exception_new(type, args);
    if (exc != NULL) {
        tn_err_set_object(type, exc);
        tn_decref(exc);
    }
    tn_xdecref(code);
    tn_xdecref(msg);
    tn_xdecref(args);
    return NULL;
}

static TnObject *exc_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (kwnames != NULL && tn_tuple_size(kwnames) > 0)
        return tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", tn_type_name(type));
    if (type == &tn_exc_OSError && nargs >= 2 && tn_int_check(args[0])) {
        /* OSError(errno, ...) builds the subclass for errno. */
        int overflow = 0;
        int64_t err = tn_int_as_i64(args[0], &overflow);
        if (!overflow && err >= INT32_MIN && err <= INT32_MAX)
            type = os_error_subclass((int)err);
    }
    TnObject *tuple = tn_tuple_from_array(args, nargs);
    if (tuple == NULL)
        return NULL;
    TnObject *exc = tn_exception_new(type, tuple);
    tn_decref(tuple);
    return exc;
}

/* The fields below can be replaced by another thread (a setter, or
 * __init__ called again): they are replaced with tn_field_replace_steal and
 * read with tn_field_get_ref wherever the use can run Python code (str(),
 * repr(), %S / %R), because that code passes check points
 * (threading/qsbr.h). */
static TnObject *exc_str(TnObject *self)
{
    TnObject *args = tn_field_get_ref(&((TnBaseException *)self)->args);
    tn_ssize_t n = tn_tuple_size(args);
    TnObject *r = n == 0 ? tn_str_from_cstr("") : tn_object_str(n == 1 ? tn_tuple_get(args, 0) : args);
    tn_decref(args);
    return r;
}

static TnObject *key_error_str(TnObject *self)
{
    TnObject *args = tn_field_get_ref(&((TnBaseException *)self)->args);
    TnObject *r = tn_tuple_size(args) == 1 ? tn_object_repr(tn_tuple_get(args, 0)) : exc_str(self);
    tn_decref(args);
    return r;
}

static TnObject *syntax_error_str_parts(TnObject *self, TnObject *msg_field, TnObject *filename,
                                        TnObject *lineno)
{
    TnObject *msg = msg_field != NULL ? tn_object_str(msg_field) : exc_str(self);
    if (msg == NULL)
        return NULL;
    bool have_file = filename != NULL && tn_str_check(filename);
    bool have_line = lineno != NULL && tn_int_check(lineno);
    if (!have_file && !have_line)
        return msg;
    TnObject *res;
    if (have_file && have_line)
        res = tn_str_from_format("%U (%U, line %ld)", msg, filename, (long)tn_int_as_ssize(lineno));
    else if (have_file)
        res = tn_str_from_format("%U (%U)", msg, filename);
    else
        res = tn_str_from_format("%U (line %ld)", msg, (long)tn_int_as_ssize(lineno));
    tn_decref(msg);
    return res;
}

static TnObject *syntax_error_str(TnObject *self)
{
    TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)self;
    TnObject *msg = tn_field_get_ref(&se->msg), *filename = tn_field_get_ref(&se->filename);
    TnObject *lineno = tn_field_get_ref(&se->lineno);
    TnObject *res = syntax_error_str_parts(self, msg, filename, lineno);
    tn_xdecref(msg);
    tn_xdecref(filename);
    tn_xdecref(lineno);
    return res;
}

static TnObject *os_error_str_parts(TnObject *self, TnObject *const f[4])
{
    /* f: errno, strerror, filename, filename2 */
    if (f[2] != NULL) {
        if (f[3] != NULL)
            return tn_str_from_format("[Errno %S] %S: %R -> %R", f[0] != NULL ? f[0] : TN_NONE,
                                      f[1] != NULL ? f[1] : TN_NONE, f[2], f[3]);
        return tn_str_from_format("[Errno %S] %S: %R", f[0] != NULL ? f[0] : TN_NONE,
                                  f[1] != NULL ? f[1] : TN_NONE, f[2]);
    }
    if (f[0] != NULL && f[1] != NULL)
        return tn_str_from_format("[Errno %S] %S", f[0], f[1]);
    return exc_str(self);
}

static TnObject *os_error_str(TnObject *self)
{
    TnOSErrorObject *oe = (TnOSErrorObject *)self;
    TnObject *f[4] = {tn_field_get_ref(&oe->myerrno), tn_field_get_ref(&oe->strerror),
                      tn_field_get_ref(&oe->filename), tn_field_get_ref(&oe->filename2)};
    TnObject *res = os_error_str_parts(self, f);
    for (int i = 0; i < 4; i++)
        tn_xdecref(f[i]);
    return res;
}

/* str() of the three Unicode errors: CPython's Unicode*Error_str.  The
 * one-position form is used only when [start, end) is one valid index. */
static TnObject *unicode_error_str_parts(TnUnicodeErrorObject *ue, int kind, TnObject *object, TnObject *reason_f,
                                         TnObject *encoding)
{
    if (object == NULL)
        return tn_str_from_cstr("");
    TnObject *reason = tn_object_str(reason_f != NULL ? reason_f : TN_NONE);
    TnObject *enc = kind == 't' ? NULL : tn_object_str(encoding != NULL ? encoding : TN_NONE);
    if (reason == NULL || (kind != 't' && enc == NULL)) {
        tn_xdecref(reason);
        tn_xdecref(enc);
        return NULL;
    }
    const char *data = NULL;
    tn_ssize_t len = 0;
    bool is_str = tn_str_check(object);
    if (is_str)
        len = tn_str_length(object);
    else if (!tn_bytes_like(object, &data, &len))
        len = 0;
    tn_ssize_t start = ue->start, end = ue->end;
    bool one = start >= 0 && start < len && end == start + 1 && (kind == 'd' ? !is_str : is_str);
    const char *verb = kind == 'e' ? "encode" : kind == 'd' ? "decode" : "translate";
    TnObject *r;
    if (one && kind == 'd') {
        r = tn_str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", enc,
                               (unsigned)(unsigned char)data[start], start, reason);
    } else if (one) {
        char ch[16];
        tn_codec_escape_char(tn_str_read(object, start), ch, sizeof ch);
        r = kind == 't' ? tn_str_from_format("can't translate character '%s' in position %zd: %U", ch, start, reason)
                        : tn_str_from_format("'%U' codec can't encode character '%s' in position %zd: %U", enc,
                                             ch, start, reason);
    } else if (kind == 't') {
        r = tn_str_from_format("can't translate characters in position %zd-%zd: %U", start, end - 1, reason);
    } else {
        r = tn_str_from_format("'%U' codec can't %s %s in position %zd-%zd: %U", enc, verb,
                               kind == 'd' ? "bytes" : "characters", start, end - 1, reason);
    }
    tn_decref(reason);
    tn_xdecref(enc);
    return r;
}

static TnObject *unicode_error_str_kind(TnObject *self, int kind)
{
    TnUnicodeErrorObject *ue = (TnUnicodeErrorObject *)self;
    TnObject *object = tn_field_get_ref(&ue->object), *reason = tn_field_get_ref(&ue->reason);
    TnObject *encoding = tn_field_get_ref(&ue->encoding);
    TnObject *r = unicode_error_str_parts(ue, kind, object, reason, encoding);
    tn_xdecref(object);
    tn_xdecref(reason);
    tn_xdecref(encoding);
    return r;
}

static TnObject *unicode_encode_error_str(TnObject *self) { return unicode_error_str_kind(self, 'e'); }
static TnObject *unicode_decode_error_str(TnObject *self) { return unicode_error_str_kind(self, 'd'); }
static TnObject *unicode_translate_error_str(TnObject *self) { return unicode_error_str_kind(self, 't'); }

static TnObject *system_exit_str(TnObject *self)
{
    return exc_str(self);
}

static TnObject *exc_repr(TnObject *self)
{
    TnObject *args = tn_field_get_ref(&((TnBaseException *)self)->args);
    /* The class's name as a str we hold: %R below runs Python code, during
     * which another thread may rename the class. */
    TnObject *name = tn_type_name_str(tn_type(self));
    TnObject *r = name == NULL ? NULL
                : tn_tuple_size(args) == 1 ? tn_str_from_format("%U(%R)", name, tn_tuple_get(args, 0))
                                           : tn_str_from_format("%U%R", name, args);
    tn_xdecref(name);
    tn_decref(args);
    return r;
}

/* ---- attributes -------------------------------------------------------- */

static TnObject *get_args(TnObject *self, void *c) { return tn_field_get_ref(&((TnBaseException *)self)->args); }

static int set_args(TnObject *self, TnObject *value, void *c)
{
    if (value == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "args may not be deleted");
        return -1;
    }
    TnObject *t = tn_tuple_from_iterable(value);
    if (t == NULL)
        return -1;
    tn_field_replace_steal(&((TnBaseException *)self)->args, t);
    return 0;
}

static TnObject *get_or_none(TnObject *v) { return tn_newref(v != NULL ? v : TN_NONE); }

/* A new reference to the field's value, or None. */
static TnObject *field_ref_or_none(TnObject *const *slot)
{
    TnObject *v = tn_field_get_ref(slot);
    return v != NULL ? v : tn_none_ref();
}

static TnObject *get_traceback(TnObject *self, void *c) { return field_ref_or_none(&((TnBaseException *)self)->traceback); }
static TnObject *get_context(TnObject *self, void *c) { return field_ref_or_none(&((TnBaseException *)self)->context); }
static TnObject *get_cause(TnObject *self, void *c) { return field_ref_or_none(&((TnBaseException *)self)->cause); }
static TnObject *get_suppress(TnObject *self, void *c) { return tn_bool_from(tn_exc_suppress_context(self)); }

static int set_exc_link(TnObject **slot, TnObject *value, const char *what)
{
    if (value == NULL) {
        tn_err_format(&tn_exc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (value != TN_NONE && !tn_exception_check(value)) {
        tn_err_format(&tn_exc_TypeError, "exception %s must be None or derive from BaseException", what);
        return -1;
    }
    tn_field_replace_steal(slot, value == TN_NONE ? NULL : tn_newref(value));
    return 0;
}

static int set_context(TnObject *self, TnObject *value, void *c)
{
    return set_exc_link(&((TnBaseException *)self)->context, value, "context");
}

static int set_cause(TnObject *self, TnObject *value, void *c)
{
    if (set_exc_link(&((TnBaseException *)self)->cause, value, "cause") < 0)
        return -1;
    tn_exc_set_suppress_context(self, 1);
    return 0;
}

static int set_suppress(TnObject *self, TnObject *value, void *c)
{
    int t = value == NULL ? 0 : tn_object_is_true(value);
    if (t < 0)
        return -1;
    tn_exc_set_suppress_context(self, t);
    return 0;
}

static int set_traceback(TnObject *self, TnObject *value, void *c)
{
    if (value == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (value != TN_NONE && tn_type(value) != &tn_type_traceback) {
        tn_err_set_str(&tn_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    tn_field_replace_steal(&((TnBaseException *)self)->traceback, value == TN_NONE ? NULL : tn_newref(value));
    return 0;
}

static TnObject *exc_with_traceback(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("with_traceback", kwnames) < 0 || tn_args_count("with_traceback", nargs, 1, 1) < 0)
        return NULL;
    if (set_traceback(self, args[0], NULL) < 0)
        return NULL;
    return tn_newref(self);
}

static const TnGetSetDef exc_getsets[] = {
    {"args", get_args, set_args, NULL, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL, NULL},
    {"__context__", get_context, set_context, NULL, NULL},
    {"__cause__", get_cause, set_cause, NULL, NULL},
    {"__suppress_context__", get_suppress, set_suppress, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* BaseException.__init__(self, *args): the arguments become args (the
 * constructor already stored them; an overriding __init__ calling
 * super().__init__(...) replaces them, as in CPython). */
static TnObject *exc_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (kwnames != NULL && tn_tuple_size(kwnames) > 0)
        return tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", tn_type(self)->name);
    TnObject *t = tn_tuple_from_array(args, nargs);
    if (t == NULL)
        return NULL;
    tn_field_replace_steal(&((TnBaseException *)self)->args, tn_newref(t));
    int r = exc_init_fields(self, t);
    tn_decref(t);
    if (r < 0)
        return NULL;
    return tn_newref(TN_NONE);
}

/* add_note(note): append a str to the __notes__ list (created on first use). */
static TnObject *exc_add_note(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("add_note", kwnames) < 0 || tn_args_count("add_note", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "note must be a str, not '%s'", tn_type(args[0])->name);
    TnObject *name = tn_str_intern_cstr("__notes__"), *notes = NULL;
    if (tn_object_lookup_attr(self, name, &notes) < 0)
        return NULL;
    if (notes == NULL) {
        notes = tn_list_new(0);
        if (notes == NULL || tn_object_setattr(self, name, notes) < 0) {
            tn_xdecref(notes);
            return NULL;
        }
    }
    int r = tn_list_check(notes) ? tn_list_append(notes, args[0]) : -1;
    if (!tn_list_check(notes))
        tn_err_set_str(&tn_exc_TypeError, "Cannot add note: __notes__ is not a list");
    tn_decref(notes);
    return r < 0 ? NULL : tn_none_ref();
}

static const TnMethodDef exc_methods[] = {
    {"__init__", exc_init, 0, NULL},
    {"with_traceback", exc_with_traceback, 0, NULL},
    {"add_note", exc_add_note, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* Field getters for subclasses: the closure is the field's offset. */
static TnObject *get_field(TnObject *self, void *closure)
{
    return field_ref_or_none((TnObject **)((char *)self + (size_t)closure));
}

static int set_field(TnObject *self, TnObject *value, void *closure)
{
    tn_field_replace_steal((TnObject **)((char *)self + (size_t)closure), tn_xnewref(value));
    return 0;
}

#define FIELD(name, type, member) \
    {name, get_field, set_field, NULL, (void *)offsetof(type, member)}

static const TnGetSetDef syntax_error_getsets[] = {
    FIELD("msg", TnSyntaxErrorObject, msg),
    FIELD("filename", TnSyntaxErrorObject, filename),
    FIELD("lineno", TnSyntaxErrorObject, lineno),
    FIELD("offset", TnSyntaxErrorObject, offset),
    FIELD("text", TnSyntaxErrorObject, text),
    FIELD("end_lineno", TnSyntaxErrorObject, end_lineno),
    FIELD("end_offset", TnSyntaxErrorObject, end_offset),
    FIELD("print_file_and_line", TnSyntaxErrorObject, print_file_and_line),
    {NULL, NULL, NULL, NULL, NULL},
};

/* start / end are C integers (CPython T_PYSSIZET members). */
static TnObject *get_ssize_field(TnObject *self, void *closure)
{
    return tn_int_from_ssize(*(tn_ssize_t *)((char *)self + (size_t)closure));
}

static int set_ssize_field(TnObject *self, TnObject *value, void *closure)
{
    if (value == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (!tn_int_check(value)) {
        tn_err_set_str(&tn_exc_TypeError, "an integer is required");
        return -1;
    }
    tn_ssize_t v = tn_number_as_ssize(value, &tn_exc_OverflowError);
    if (v == -1 && tn_err_occurred())
        return -1;
    *(tn_ssize_t *)((char *)self + (size_t)closure) = v;
    return 0;
}

static const TnGetSetDef unicode_error_getsets[] = {
    FIELD("encoding", TnUnicodeErrorObject, encoding),
    FIELD("object", TnUnicodeErrorObject, object),
    {"start", get_ssize_field, set_ssize_field, NULL, (void *)offsetof(TnUnicodeErrorObject, start)},
    {"end", get_ssize_field, set_ssize_field, NULL, (void *)offsetof(TnUnicodeErrorObject, end)},
    FIELD("reason", TnUnicodeErrorObject, reason),
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnGetSetDef os_error_getsets[] = {
    FIELD("errno", TnOSErrorObject, myerrno),
    FIELD("strerror", TnOSErrorObject, strerror),
    FIELD("filename", TnOSErrorObject, filename),
    FIELD("filename2", TnOSErrorObject, filename2),
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnGetSetDef stop_iteration_getsets[] = {
    FIELD("value", TnStopIterationObject, value),
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnGetSetDef system_exit_getsets[] = {
    FIELD("code", TnSystemExitObject, code),
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnGetSetDef name_error_getsets[] = {
    FIELD("name", TnNameErrorObject, name),
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnGetSetDef attribute_error_getsets[] = {
    FIELD("name", TnNameErrorObject, name),
    FIELD("obj", TnNameErrorObject, obj),
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- BaseExceptionGroup / ExceptionGroup (PEP 654) ----------------------- */

static void exception_group_dealloc(TnObject *self)
{
    TnBaseExceptionGroupObject *eg = (TnBaseExceptionGroupObject *)self;
    TN_CLEAR(eg->msg);
    TN_CLEAR(eg->excs);
    exc_dealloc(self);
}

/* CPython's PySequence_Check: an item slot or __getitem__, and not a dict. */
static bool is_sequence(TnObject *o)
{
    if (tn_dict_check(o))
        return false;
    const TnSequenceMethods *sq = tn_type(o)->as_sequence;
    if (sq != NULL && sq->item != NULL)
        return true;
    TnObject *name = tn_str_from_cstr("__getitem__");
    if (name == NULL) {
        tn_err_clear();
        return false;
    }
    bool r = tn_type_lookup(tn_type(o), name) != NULL;
    tn_decref(name);
    return r;
}

/* BaseExceptionGroup.__new__(cls, message, exceptions): the checks and the
 * class choice of CPython's BaseExceptionGroup_new. */
static TnObject *exception_group_new(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    if (kwnames != NULL && tn_tuple_size(kwnames) > 0)
        return tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", tn_type_name(type));
    if (nargs != 2)
        return tn_err_format(&tn_exc_TypeError,
                             "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                             nargs);
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError,
                             "BaseExceptionGroup.__new__() argument 1 must be str, not %T", args[0]);
    if (!is_sequence(args[1]))
        return tn_err_format(&tn_exc_TypeError, "second argument (exceptions) must be a sequence");
    TnObject *excs = tn_tuple_from_iterable(args[1]);
    if (excs == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(excs);
    if (n == 0) {
        tn_decref(excs);
        return tn_err_format(&tn_exc_ValueError,
                             "second argument (exceptions) must be a non-empty sequence");
    }
    bool nested_base = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *e = tn_tuple_get(excs, i);
        if (!tn_exception_check(e)) {
            tn_decref(excs);
            return tn_err_format(&tn_exc_ValueError,
                                 "Item %zd of second argument (exceptions) is not an exception", i);
        }
        nested_base |= !tn_object_type_check(e, &tn_exc_Exception);
    }
    if (type == &tn_exc_BaseExceptionGroup) {
        if (!nested_base)
            type = &tn_exc_ExceptionGroup;
    } else if (type == &tn_exc_ExceptionGroup) {
        if (nested_base) {
            tn_decref(excs);
            return tn_err_format(&tn_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (nested_base && tn_type_is_subtype(type, &tn_exc_Exception)) {
        tn_decref(excs);
        return tn_err_format(&tn_exc_TypeError, "Cannot nest BaseExceptions in '%s'", tn_type_name(type));
    }
    TnObject *argt = tn_tuple_from_array(args, nargs);
    TnObject *self = argt != NULL ? tn_exception_new(type, argt) : NULL;
    tn_xdecref(argt);
    if (self == NULL) {
        tn_decref(excs);
        return NULL;
    }
    TnBaseExceptionGroupObject *eg = (TnBaseExceptionGroupObject *)self;
    eg->msg = tn_newref(args[0]);
    eg->excs = excs;
    return self;
}

/* "message (N sub-exception[s])" */
static TnObject *exception_group_str(TnObject *self)
{
    TnBaseExceptionGroupObject *eg = (TnBaseExceptionGroupObject *)self;
    tn_ssize_t n = eg->excs != NULL ? tn_tuple_size(eg->excs) : 0;
    return tn_str_from_format("%S (%zd sub-exception%s)", eg->msg != NULL ? eg->msg : TN_NONE, n,
                              n > 1 ? "s" : "");
}

/* derive(excs): BaseExceptionGroup(self.message, excs). */
static TnObject *exception_group_derive(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                        TnObject *kwnames)
{
    if (tn_args_no_kw("derive", kwnames) < 0 || tn_args_count("derive", nargs, 1, 1) < 0)
        return NULL;
    TnObject *msg = ((TnBaseExceptionGroupObject *)self)->msg;
    TnObject *a[2] = {msg != NULL ? msg : TN_NONE, args[0]};
    return tn_call(TN_OBJ(&tn_exc_BaseExceptionGroup), a, 2, NULL);
}

/* How split()/subgroup() test an exception: by type (a class or a tuple
 * of classes) or by calling a predicate. */
typedef enum { MATCH_BY_TYPE, MATCH_PREDICATE, MATCH_LEAF_IDS } MatcherKind;

static int matcher_kind(TnObject *value, MatcherKind *kind)
{
    if (tn_callable_check(value) && !tn_object_type_check(value, &tn_type_type)) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
    if (tn_exception_type_check(value)) {
        *kind = MATCH_BY_TYPE;
        return 0;
    }
    if (tn_tuple_check(value)) {
        bool ok = true;
        for (tn_ssize_t i = 0; i < tn_tuple_size(value); i++)
            ok &= tn_exception_type_check(tn_tuple_get(value, i));
        if (ok) {
            *kind = MATCH_BY_TYPE;
            return 0;
        }
    }
    tn_err_set_str(&tn_exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

/* Identity of an exception as an int (sets of leaves compare by identity,
 * never by a user-defined __eq__/__hash__). */
static TnObject *exc_id(TnObject *exc)
{
    return tn_int_from_i64((int64_t)(intptr_t)exc);
}

static int exc_id_in_set(TnObject *exc, TnObject *set)
{
    TnObject *id = exc_id(exc);
    if (id == NULL)
        return -1;
    int r = tn_set_contains(set, id);
    tn_decref(id);
    return r;
}

/* 1 match, 0 no match, -1 error. */
static int split_check_match(TnObject *exc, MatcherKind kind, TnObject *value)
{
    if (kind == MATCH_BY_TYPE)
        return tn_object_isinstance(exc, value);
    if (kind == MATCH_LEAF_IDS)
        return exc_id_in_set(exc, value);
    TnObject *r = tn_call_one(value, exc);
    if (r == NULL)
        return -1;
    int t = tn_object_is_true(r);
    tn_decref(r);
    return t;
}

/* orig.derive(excs) with orig's traceback, context, cause and notes copied;
 * NULL result (no error) when excs is empty.  0 / -1. */
static int exception_group_subset(TnObject *orig, TnObject *excs, TnObject **result)
{
    *result = NULL;
    if (tn_list_size(excs) == 0)
        return 0;
    TnObject *eg = tn_call_method_cstr(orig, "derive", &excs, 1);
    if (eg == NULL)
        return -1;
    if (!tn_exception_group_check(eg)) {
        tn_decref(eg);
        tn_err_set_str(&tn_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return -1;
    }
    TnBaseException *o = (TnBaseException *)orig, *e = (TnBaseException *)eg;
    tn_field_replace_steal(&e->traceback, tn_field_get_ref(&o->traceback));
    tn_field_replace_steal(&e->context, tn_field_get_ref(&o->context));
    tn_field_replace_steal(&e->cause, tn_field_get_ref(&o->cause));
    tn_exc_set_suppress_context(eg, tn_exc_suppress_context(orig));
    TnObject *notes = NULL;
    TnObject *name = tn_str_from_cstr("__notes__");
    int r = name != NULL ? tn_object_lookup_attr(orig, name, &notes) : -1;
    if (r > 0 && is_sequence(notes)) {
        TnObject *copy = tn_list_from_iterable(notes);
        r = copy != NULL && tn_object_setattr(eg, name, copy) == 0 ? 1 : -1;
        tn_xdecref(copy);
    }
    tn_xdecref(notes);
    tn_xdecref(name);
    if (r < 0) {
        tn_decref(eg);
        return -1;
    }
    *result = eg;
    return 0;
}

/* CPython's exceptiongroup_split_recursive: *match and *rest get new refs
 * or NULL (rest only when want_rest).  0 / -1. */
static int split_recursive(TnObject *exc, MatcherKind kind, TnObject *value, bool want_rest,
                           TnObject **match, TnObject **rest)
{
    *match = *rest = NULL;
    int is_match = split_check_match(exc, kind, value);
    if (is_match < 0)
        return -1;
    if (is_match) {
        *match = tn_newref(exc);
        return 0;
    }
    if (!tn_exception_group_check(exc)) {
        if (want_rest)
            *rest = tn_newref(exc);
        return 0;
    }
    if (tn_enter_recursive_call(" in split_recursive") < 0)
        return -1;
    TnObject *excs = ((TnBaseExceptionGroupObject *)exc)->excs;
    TnObject *match_list = tn_list_new(0);
    TnObject *rest_list = want_rest ? tn_list_new(0) : NULL;
    int r = match_list != NULL && (!want_rest || rest_list != NULL) ? 0 : -1;
    for (tn_ssize_t i = 0; r == 0 && i < tn_tuple_size(excs); i++) {
        TnObject *m, *rs;
        r = split_recursive(tn_tuple_get(excs, i), kind, value, want_rest, &m, &rs);
        if (r == 0 && m != NULL)
            r = tn_list_append(match_list, m);
        if (r == 0 && rs != NULL)
            r = tn_list_append(rest_list, rs);
        tn_xdecref(m);
        tn_xdecref(rs);
    }
    tn_leave_recursive_call();
    if (r == 0)
        r = exception_group_subset(exc, match_list, match);
    if (r == 0 && want_rest && exception_group_subset(exc, rest_list, rest) < 0) {
        TN_CLEAR(*match);
        r = -1;
    }
    tn_xdecref(match_list);
    tn_xdecref(rest_list);
    return r;
}

static TnObject *exception_group_split(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    MatcherKind kind;
    if (tn_args_no_kw("split", kwnames) < 0 || tn_args_count("split", nargs, 1, 1) < 0 ||
        matcher_kind(args[0], &kind) < 0)
        return NULL;
    TnObject *m, *rs;
    if (split_recursive(self, kind, args[0], true, &m, &rs) < 0)
        return NULL;
    TnObject *res = tn_tuple_pack(2, m != NULL ? m : TN_NONE, rs != NULL ? rs : TN_NONE);
    tn_xdecref(m);
    tn_xdecref(rs);
    return res;
}

static TnObject *exception_group_subgroup(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                          TnObject *kwnames)
{
    MatcherKind kind;
    if (tn_args_no_kw("subgroup", kwnames) < 0 || tn_args_count("subgroup", nargs, 1, 1) < 0 ||
        matcher_kind(args[0], &kind) < 0)
        return NULL;
    TnObject *m, *rs;
    if (split_recursive(self, kind, args[0], false, &m, &rs) < 0)
        return NULL;
    return m != NULL ? m : tn_none_ref();
}

/* ---- except* (PEP 654): CPython's _PyExc_PrepReraiseStar ---------------- */

/* Add the ids of exc's leaf exceptions (exc itself if it is not a group). */
static int collect_leaf_ids(TnObject *exc, TnObject *set)
{
    if (exc == TN_NONE)
        return 0;
    if (!tn_exception_group_check(exc)) {
        TnObject *id = exc_id(exc);
        int r = id != NULL ? tn_set_add(set, id) : -1;
        tn_xdecref(id);
        return r;
    }
    if (tn_enter_recursive_call(" in collect_leaf_ids") < 0)
        return -1;
    TnObject *excs = ((TnBaseExceptionGroupObject *)exc)->excs;
    int r = 0;
    for (tn_ssize_t i = 0; r == 0 && i < tn_tuple_size(excs); i++)
        r = collect_leaf_ids(tn_tuple_get(excs, i), set);
    tn_leave_recursive_call();
    return r;
}

/* The part of eg whose leaves appear (by identity) among the leaves of the
 * exceptions in keep (a list), with eg's metadata; None if empty. */
static TnObject *exception_group_projection(TnObject *eg, TnObject *keep)
{
    TnObject *ids = tn_set_new(NULL);
    if (ids == NULL)
        return NULL;
    int r = 0;
    for (tn_ssize_t i = 0; r == 0 && i < tn_list_size(keep); i++) {
        TnObject *e = tn_list_get_item_ref(keep, i);
        r = e != NULL ? collect_leaf_ids(e, ids) : -1;
        tn_xdecref(e);
    }
    TnObject *m = NULL, *rs = NULL;
    if (r == 0)
        r = split_recursive(eg, MATCH_LEAF_IDS, ids, false, &m, &rs);
    tn_decref(ids);
    if (r < 0)
        return NULL;
    return m != NULL ? m : tn_none_ref();
}

/* An exception re-raised from an except* clause still carries the original
 * group's metadata (split/derive copied it); a newly raised one does not.
 * (CPython 3.11 also compares a notes field that __notes__ never fills, so
 * notes play no part.) */
static bool same_exception_metadata(TnObject *a, TnObject *b)
{
    TnBaseException *e1 = (TnBaseException *)a, *e2 = (TnBaseException *)b;
    return tn_field_load(&e1->traceback) == tn_field_load(&e2->traceback)
        && tn_field_load(&e1->cause) == tn_field_load(&e2->cause)
        && tn_field_load(&e1->context) == tn_field_load(&e2->context);
}

TnObject *tn_exception_group_prep_reraise_star(TnObject *orig, TnObject *excs)
{
    tn_ssize_t n = tn_list_size(excs);
    if (n == 0)
        return tn_none_ref();
    if (!tn_exception_group_check(orig)) {
        /* A naked exception was wrapped: at most one clause ran, so the
         * first item is the one to raise (or the unhandled original). */
        return tn_list_get_item_ref(excs, 0);
    }
    TnObject *raised = tn_list_new(0), *reraised = tn_list_new(0), *result = NULL;
    int r = raised != NULL && reraised != NULL ? 0 : -1;
    for (tn_ssize_t i = 0; r == 0 && i < n; i++) {
        TnObject *e = tn_list_get_item_ref(excs, i);
        if (e == NULL) {
            r = -1;
        } else if (e != TN_NONE) {
            r = tn_list_append(same_exception_metadata(e, orig) ? reraised : raised, e);
        }
        tn_xdecref(e);
    }
    TnObject *reraised_eg = r == 0 ? exception_group_projection(orig, reraised) : NULL;
    if (reraised_eg != NULL) {
        if (tn_list_size(raised) == 0) {
            result = tn_newref(reraised_eg);
        } else if (reraised_eg == TN_NONE || tn_list_append(raised, reraised_eg) == 0) {
            if (tn_list_size(raised) > 1) {
                TnObject *msg = tn_str_from_cstr("");
                TnObject *a[2] = {msg, raised};
                result = msg != NULL ? tn_call(TN_OBJ(&tn_exc_BaseExceptionGroup), a, 2, NULL) : NULL;
                tn_xdecref(msg);
            } else {
                result = tn_list_get_item_ref(raised, 0);
            }
        }
        tn_decref(reraised_eg);
    }
    tn_xdecref(raised);
    tn_xdecref(reraised);
    return result;
}

static const TnMethodDef exception_group_methods[] = {
    {"derive", exception_group_derive, 0, NULL},
    {"split", exception_group_split, 0, NULL},
    {"subgroup", exception_group_subgroup, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TnObject *eg_get_message(TnObject *self, void *c)
{
    return get_or_none(((TnBaseExceptionGroupObject *)self)->msg);
}

static TnObject *eg_get_exceptions(TnObject *self, void *c)
{
    return get_or_none(((TnBaseExceptionGroupObject *)self)->excs);
}

static const TnGetSetDef exception_group_getsets[] = {
    {"message", eg_get_message, NULL, "exception message", NULL},
    {"exceptions", eg_get_exceptions, NULL, "nested exceptions", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ExceptionGroup's MRO also has Exception: (ExceptionGroup,
 * BaseExceptionGroup, Exception, BaseException, object), bases
 * (BaseExceptionGroup, Exception).  The static types have one layout base,
 * so the readied MRO is patched here. */
static int exception_group_fix_mro(void)
{
    TnType *tp = &tn_exc_ExceptionGroup;
    TnObject *mro = tn_tuple_pack(5, TN_OBJ(tp), TN_OBJ(&tn_exc_BaseExceptionGroup),
                                  TN_OBJ(&tn_exc_Exception), TN_OBJ(&tn_exc_BaseException),
                                  TN_OBJ(&tn_type_object));
    TnObject *bases = tn_tuple_pack(2, TN_OBJ(&tn_exc_BaseExceptionGroup), TN_OBJ(&tn_exc_Exception));
    if (mro == NULL || bases == NULL) {
        tn_xdecref(mro);
        tn_xdecref(bases);
        return -1;
    }
    TN_SETREF(tp->mro, mro);
    tn_type_modified(tp);
    TN_SETREF(tp->bases, bases);
    return 0;
}

/* ---- the type objects ---------------------------------------------------- */

#define EXC_FLAGS (TN_TPFLAGS_BASETYPE | TN_TPFLAGS_BASE_EXC_SUBCLASS | TN_TPFLAGS_HAVE_GC)

#define TN_DEFINE_EXC(NAME, BASE)                              \
    TnType tn_exc_##NAME = {                                   \
        .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),            \
        .name = #NAME,                                         \
        .basicsize = sizeof(TnBaseException),                  \
        .flags = EXC_FLAGS,                                    \
        .base = &BASE_TYPE_##BASE,                             \
        .dealloc = exc_dealloc,                                \
        .repr = exc_repr,                                      \
        .str = exc_str,                                        \
        .new_ = exc_new,                                       \
    };

#define BASE_TYPE_object tn_type_object
#define TN_BASE_ALIAS(NAME, BASE) extern TnType tn_exc_##NAME;
TN_EXCEPTION_LIST(TN_BASE_ALIAS)
#undef TN_BASE_ALIAS

#define BASE_TYPE_BaseException tn_exc_BaseException
#define BASE_TYPE_BaseExceptionGroup tn_exc_BaseExceptionGroup
#define BASE_TYPE_Exception tn_exc_Exception
#define BASE_TYPE_ArithmeticError tn_exc_ArithmeticError
#define BASE_TYPE_ImportError tn_exc_ImportError
#define BASE_TYPE_LookupError tn_exc_LookupError
#define BASE_TYPE_NameError tn_exc_NameError
#define BASE_TYPE_OSError tn_exc_OSError
#define BASE_TYPE_RuntimeError tn_exc_RuntimeError
#define BASE_TYPE_SyntaxError tn_exc_SyntaxError
#define BASE_TYPE_IndentationError tn_exc_IndentationError
#define BASE_TYPE_ValueError tn_exc_ValueError
#define BASE_TYPE_UnicodeError tn_exc_UnicodeError
#define BASE_TYPE_Warning tn_exc_Warning

TN_EXCEPTION_LIST(TN_DEFINE_EXC)

/* The instance layout of the classes that carry extra fields: size and the
 * slots that know those fields. */
typedef struct ExcLayout {
    tn_ssize_t size;
    tn_destructor dealloc;
    tn_traverseproc traverse;
    tn_inquiry clear;
} ExcLayout;

static const ExcLayout syntax_error_layout = {sizeof(TnSyntaxErrorObject), syntax_error_dealloc,
                                              syntax_error_traverse, syntax_error_clear};
static const ExcLayout stop_iteration_layout = {sizeof(TnStopIterationObject), stop_iteration_dealloc,
                                                stop_iteration_traverse, stop_iteration_clear};
static const ExcLayout system_exit_layout = {sizeof(TnSystemExitObject), system_exit_dealloc,
                                             system_exit_traverse, system_exit_clear};
static const ExcLayout name_error_layout = {sizeof(TnNameErrorObject), name_error_dealloc, name_error_traverse,
                                            name_error_clear};
static const ExcLayout os_error_layout = {sizeof(TnOSErrorObject), os_error_dealloc, os_error_traverse,
                                          os_error_clear};
static const ExcLayout unicode_error_layout = {sizeof(TnUnicodeErrorObject), unicode_error_dealloc,
                                               unicode_error_traverse, exc_clear};
static const ExcLayout exception_group_layout = {sizeof(TnBaseExceptionGroupObject), exception_group_dealloc,
                                                 exception_group_traverse, exc_clear};

/* Adjust the classes that carry extra fields.  Runs before tn_type_ready so
 * that subclasses inherit the adjusted size and slots. */
static void specialise(TnType *tp, const ExcLayout *layout, const TnGetSetDef *getsets, tn_unaryfunc str)
{
    tp->basicsize = layout->size;
    tp->dealloc = layout->dealloc;
    tp->traverse = layout->traverse;
    tp->clear = layout->clear;
    if (getsets != NULL)
        tp->getsets = getsets;
    if (str != NULL)
        tp->str = str;
}

int tn_exceptions_init_types(void)
{
    tn_exc_BaseException.getsets = exc_getsets;
    tn_exc_BaseException.methods = exc_methods;
    tn_exc_BaseException.traverse = exc_traverse;
    tn_exc_BaseException.clear = exc_clear;
    /* Instances have a __dict__, so subclasses can add attributes. */
    tn_exc_BaseException.dictoffset = offsetof(TnBaseException, dict);
    specialise(&tn_exc_SyntaxError, &syntax_error_layout, syntax_error_getsets, syntax_error_str);
    specialise(&tn_exc_IndentationError, &syntax_error_layout, NULL, syntax_error_str);
    specialise(&tn_exc_TabError, &syntax_error_layout, NULL, syntax_error_str);
    specialise(&tn_exc_StopIteration, &stop_iteration_layout, stop_iteration_getsets, NULL);
    specialise(&tn_exc_SystemExit, &system_exit_layout, system_exit_getsets, system_exit_str);
    specialise(&tn_exc_NameError, &name_error_layout, name_error_getsets, NULL);
    specialise(&tn_exc_UnboundLocalError, &name_error_layout, NULL, NULL);
    specialise(&tn_exc_AttributeError, &name_error_layout, attribute_error_getsets, NULL);
    specialise(&tn_exc_OSError, &os_error_layout, os_error_getsets, os_error_str);
    TnType *const os_subclasses[] = {
        &tn_exc_FileNotFoundError, &tn_exc_FileExistsError, &tn_exc_PermissionError,
        &tn_exc_IsADirectoryError, &tn_exc_NotADirectoryError, &tn_exc_InterruptedError,
        &tn_exc_TimeoutError, &tn_exc_BlockingIOError,
    };
    for (size_t i = 0; i < sizeof os_subclasses / sizeof os_subclasses[0]; i++)
        specialise(os_subclasses[i], &os_error_layout, NULL, os_error_str);
    specialise(&tn_exc_UnicodeEncodeError, &unicode_error_layout, unicode_error_getsets, unicode_encode_error_str);
    specialise(&tn_exc_UnicodeDecodeError, &unicode_error_layout, unicode_error_getsets, unicode_decode_error_str);
    specialise(&tn_exc_UnicodeTranslateError, &unicode_error_layout, unicode_error_getsets,
               unicode_translate_error_str);
    tn_exc_KeyError.str = key_error_str;
    TnType *const groups[] = {&tn_exc_BaseExceptionGroup, &tn_exc_ExceptionGroup};
    for (size_t i = 0; i < 2; i++) {
        specialise(groups[i], &exception_group_layout, exception_group_getsets, exception_group_str);
        groups[i]->new_ = exception_group_new;
    }
    tn_exc_BaseExceptionGroup.methods = exception_group_methods;
#define READY(NAME, BASE) if (tn_type_ready(&tn_exc_##NAME) < 0) return -1;
    TN_EXCEPTION_LIST(READY)
#undef READY
    return exception_group_fix_mro();
}

bool tn_exception_type_check(const TnObject *op)
{
    return tn_object_type_check(op, &tn_type_type)
           && (((const TnType *)op)->flags & TN_TPFLAGS_BASE_EXC_SUBCLASS) != 0;
}

/* ---- traceback ----------------------------------------------------------- */

/* A traceback chain can be as long as the recursion limit allows (a
 * million entries with sys.setrecursionlimit): free it iteratively.  An
 * entry whose only reference is ours is unlinked before it is released, so
 * its own dealloc does not recurse. */
static void traceback_dealloc(TnObject *self)
{
    TnTraceback *tb = (TnTraceback *)self;
    TnTraceback *next = tb->next;
    tn_xdecref(tb->code);
    tn_object_free(self);
    while (next != NULL) {
        if (tn_refcnt(TN_OBJ(next)) > 1) {
            tn_decref(TN_OBJ(next));
            break;
        }
        TnTraceback *after = next->next;
        next->next = NULL;
        tn_decref(TN_OBJ(next));
        next = after;
    }
}

int tn_traceback_add(TnObject *exc, TnObject *code, int lasti)
{
    TnBaseException *e = (TnBaseException *)exc;
    TnTraceback *tb = (TnTraceback *)tn_object_new(&tn_type_traceback, sizeof(TnTraceback));
    if (tb == NULL)
        return -1;
    tb->code = tn_newref(code);
    tb->lasti = lasti;
    tb->lineno = tn_code_line_of((TnCode *)code, lasti);
    /* The new entry takes over the exception's reference to the old head:
     * nothing is freed, but another thread may be raising the same
     * exception object or replacing __traceback__, hence the CAS. */
    TnObject *old;
    do {
        old = tn_field_load(&e->traceback);
        tb->next = (TnTraceback *)old;
    } while (!tn_atomic_cas_ptr((void **)&e->traceback, old, tb));
    return 0;
}

static TnObject *tb_get_next(TnObject *self, void *c) { return get_or_none(TN_OBJ(((TnTraceback *)self)->next)); }
static TnObject *tb_get_lineno(TnObject *self, void *c) { return tn_int_from_i64(((TnTraceback *)self)->lineno); }
static TnObject *tb_get_lasti(TnObject *self, void *c) { return tn_int_from_i64(((TnTraceback *)self)->lasti); }

static const TnGetSetDef traceback_getsets[] = {
    {"tb_next", tb_get_next, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_traceback = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "traceback",
    .basicsize = sizeof(TnTraceback),
    .dealloc = traceback_dealloc,
    .getsets = traceback_getsets,
    .new_ = tn_type_new_not_allowed,
};
