/* core/objects/exceptions.h — the builtin exception hierarchy. */
#ifndef TN_EXCEPTIONS_H
#define TN_EXCEPTIONS_H

#include "core/object.h"
#include "threading/atomic.h"

typedef struct TnBaseException {
    TnObject ob;
    TnObject *args;         /* tuple */
    TnObject *traceback;    /* traceback object or NULL */
    TnObject *context;      /* __context__ or NULL */
    TnObject *cause;        /* __cause__ or NULL */
    int suppress_context;
    TnObject *dict;         /* instance attributes or NULL */
    TnObject *notes;        /* __notes__ list or NULL */
} TnBaseException;

/* __suppress_context__: set by `raise ... from` and the setters while other
 * threads may print the exception, so accessed atomically. */
static inline int tn_exc_suppress_context(TnObject *exc)
{
    return (int)tn_atomic_load_u32_relaxed((const uint32_t *)&((TnBaseException *)exc)->suppress_context);
}
static inline void tn_exc_set_suppress_context(TnObject *exc, int v)
{
    tn_atomic_store_u32_relaxed((uint32_t *)&((TnBaseException *)exc)->suppress_context, (uint32_t)(v != 0));
}

typedef struct TnSyntaxErrorObject {
    TnBaseException base;
    TnObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
    TnObject *print_file_and_line;
} TnSyntaxErrorObject;

typedef struct TnStopIterationObject {
    TnBaseException base;
    TnObject *value;
} TnStopIterationObject;

typedef struct TnSystemExitObject {
    TnBaseException base;
    TnObject *code;
} TnSystemExitObject;

typedef struct TnNameErrorObject {   /* NameError, AttributeError carry name (and obj) */
    TnBaseException base;
    TnObject *name;
    TnObject *obj;
} TnNameErrorObject;

typedef struct TnOSErrorObject {   /* OSError and its subclasses */
    TnBaseException base;
    TnObject *myerrno;      /* errno attribute or NULL */
    TnObject *strerror;
    TnObject *filename;
    TnObject *filename2;
} TnOSErrorObject;

/* UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError: the
 * constructor arguments as attributes (encoding is NULL for translate). */
typedef struct TnUnicodeErrorObject {
    TnBaseException base;
    TnObject *encoding;     /* str */
    TnObject *object;       /* str (encode, translate) or bytes (decode) */
    tn_ssize_t start, end;
    TnObject *reason;       /* str */
} TnUnicodeErrorObject;

/* BaseExceptionGroup and ExceptionGroup (PEP 654).  ExceptionGroup's
 * layout base is BaseExceptionGroup; its MRO also has Exception
 * (ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object). */
typedef struct TnBaseExceptionGroupObject {
    TnBaseException base;
    TnObject *msg;          /* str */
    TnObject *excs;         /* non-empty tuple of exceptions */
} TnBaseExceptionGroupObject;

/* One X-macro list: name, base.  Declares TnType tn_exc_<Name>. */
#define TN_EXCEPTION_LIST(X) \
    X(BaseException, object) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(BaseExceptionGroup, BaseException) \
    X(Exception, BaseException) \
    X(ExceptionGroup, BaseExceptionGroup) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(FileNotFoundError, OSError) \
    X(FileExistsError, OSError) \
    X(PermissionError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(InterruptedError, OSError) \
    X(TimeoutError, OSError) \
    X(BlockingIOError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) \
    X(DeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(UserWarning, Warning) \
    X(SyntaxWarning, Warning)

#define TN_DECLARE_EXC(name, base) extern TnType tn_exc_##name;
TN_EXCEPTION_LIST(TN_DECLARE_EXC)
#undef TN_DECLARE_EXC

static inline bool tn_exception_check(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_BASE_EXC_SUBCLASS) != 0;
}
static inline bool tn_exception_group_check(const TnObject *op)
{
    return tn_object_type_check(op, &tn_exc_BaseExceptionGroup);
}
/* except* (PEP 654): the exception to re-raise after the clauses ran, from
 * the original exception and the list of raised / re-raised / unhandled
 * parts (None items ignored); None if nothing is left.  New reference. */
TnObject *tn_exception_group_prep_reraise_star(TnObject *orig, TnObject *excs);
/* A type object that derives from BaseException. */
bool tn_exception_type_check(const TnObject *op);
/* Instantiate type(*args); args is a tuple (borrowed) or NULL for (). */
TnObject *tn_exception_new(TnType *type, TnObject *args);
/* The traceback object: a linked list of (frame summary) entries. */
typedef struct TnTraceback {
    TnObject ob;
    struct TnTraceback *next;   /* towards the raise point */
    TnObject *code;             /* TnCode */
    int lasti;                  /* instruction index */
    int lineno;
} TnTraceback;
extern TnType tn_type_traceback;
/* Prepend an entry for (code, lasti) to exc's traceback. 0 / -1. */
int tn_traceback_add(TnObject *exc, TnObject *code, int lasti);
int tn_exceptions_init_types(void);

#endif
