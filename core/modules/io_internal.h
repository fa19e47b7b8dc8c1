/* core/modules/io_internal.h — shared by the files of the _io module
 * (io_module.c, io_iobase.c, io_fileio.c, io_bufferedio.c, io_textio.c,
 * io_bytesio.c, io_stringio.c).  Design: docs/io.md. */
#ifndef TN_IO_INTERNAL_H
#define TN_IO_INTERNAL_H

#include <stdio.h>
#include "core/tn.h"
#include "core/modules/builtins_iter.h"
#include "threading/mutex.h"

#define TN_IO_DEFAULT_BUFFER_SIZE 8192

/* The head of every _io object: the instance dict (io.py's classes and
 * open() set attributes such as `name` and `mode` there), the weak
 * references, and _IOBase's own closed flag (CPython's __IOBase_closed). */
typedef struct TnIOObject {
    TnObject ob;
    TnObject *dict;
    TnObject *weaklist;
    uint8_t iobase_closed;
} TnIOObject;

extern TnType tn_io_iobase_type, tn_io_rawiobase_type, tn_io_bufferediobase_type, tn_io_textiobase_type;
extern TnType tn_io_fileio_type, tn_io_bytesio_type, tn_io_stringio_type;
extern TnType tn_io_bufferedreader_type, tn_io_bufferedwriter_type, tn_io_bufferedrandom_type,
    tn_io_bufferedrwpair_type;
extern TnType tn_io_textiowrapper_type, tn_io_nldecoder_type;

/* io.UnsupportedOperation (a class made at module creation). */
extern TnObject *tn_io_unsupported_operation;

/* Raise UnsupportedOperation(msg).  Returns NULL. */
TnObject *tn_io_unsupported(const char *msg);
/* ValueError "I/O operation on closed file." (NULL). */
TnObject *tn_io_closed_error(void);
/* self.closed as a C truth value (1 / 0 / -1). */
int tn_io_is_closed(TnObject *self);
/* ValueError when self.closed is true.  0 / -1. */
int tn_io_check_closed(TnObject *self);
/* The optional size argument: None or absent -> -1, else an index
 * (TypeError "argument should be integer or None, not 'float'").  0 / -1. */
int tn_io_size_arg(TnObject *const *args, tn_ssize_t nargs, tn_ssize_t *out);
/* Call obj.name() with no arguments / one argument.  New ref or NULL. */
TnObject *tn_io_call0(TnObject *obj, const char *name);
TnObject *tn_io_call1(TnObject *obj, const char *name, TnObject *arg);
/* Shared slots: every _io type has a dict, weak references, and is
 * finalized by calling close() when it is dropped while open. */
int tn_io_traverse(TnObject *self, tn_visitproc visit, void *arg);
int tn_io_clear_dict(TnObject *self);
void tn_io_finalize(TnObject *self);
/* The end of a constructor (new_ slot): a builtin type initialises in its
 * constructor (init is its __init__); a class deriving from it runs
 * __init__ itself (tn_type_call).  obj stolen; new ref or NULL. */
typedef TnObject *(*tn_io_init_meth)(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_io_finish_new(TnObject *obj, tn_io_init_meth init, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames);
/* Free the head's fields and the object (the end of every dealloc). */
void tn_io_dealloc_head(TnObject *self);
/* A per-object I/O lock for buffered objects and TextIOWrapper (CPython's
 * per-object lock): a plain mutex, never a critical section, so a thread
 * may hold it while detached in a blocking call; a thread waiting for it
 * waits detached.  The owner is recorded to turn a reentrant call (a
 * signal handler printing in the middle of a print) into CPython's
 * RuntimeError "reentrant call inside <obj>" instead of a deadlock. */
typedef struct TnIOLock {
    TnMutex mutex;
    uintptr_t owner;   /* atomic: the holder's tn_thread_id(), 0 = none */
} TnIOLock;
/* 0, or -1 with RuntimeError when this thread holds it already. */
int tn_io_lock(TnIOLock *l, TnObject *self);
void tn_io_unlock(TnIOLock *l);

/* The utf-8 / ascii / latin-1 family handled with Tandem's C codecs, by a
 * normalized name ("utf-8", "ascii", "latin-1"), or NULL for any other
 * encoding (looked up through the codecs module). */
const char *tn_io_builtin_codec(const char *encoding);

/* A line's end in chars[start:end): the index after the line ending, or
 * -1 when there is none.  translated: only '\n'; universal: '\r', '\n' or
 * "\r\n" (a "\r" at the very end counts: callers that may see its "\n"
 * later check for it); otherwise the string readnl.  at(src, i) reads
 * the characters. */
typedef uint32_t (*tn_io_char_at)(const void *src, tn_ssize_t i);
tn_ssize_t tn_io_find_line_end(tn_io_char_at at, const void *src, tn_ssize_t start, tn_ssize_t end,
                               bool translated, bool universal, TnObject *readnl);
uint32_t tn_io_str_char_at(const void *str, tn_ssize_t i);

/* The newline translation of IncrementalNewlineDecoder over a decoded str
 * (state: *pendingcr, *seen: 1 '\r', 2 '\n', 4 "\r\n"). */
TnObject *tn_io_translate_newlines(TnObject *s, bool translate, bool final, bool *pendingcr, int *seen);
/* The `newlines` value for the seen flags. */
TnObject *tn_io_newlines_value(int seen);

/* FileIO's system calls (io_fileio.c), also used by the buffered objects
 * over an exact FileIO: read(2) / write(2) detached, EINTR retried after
 * the signal handlers (PEP 475).  The count, -1 with the exception set,
 * -2 when the descriptor is non-blocking and not ready. */
tn_ssize_t tn_io_fd_read(int fd, char *dst, tn_ssize_t n);
tn_ssize_t tn_io_fd_write(int fd, const char *src, tn_ssize_t n);
/* A FileIO's descriptor, -1 once closed. */
int tn_io_fileio_fd(TnObject *self);
/* Copy data[0:n] into a writable buffer object (bytearray or writable
 * memoryview) through its item assignment.  0 / -1. */
int tn_io_copy_into(TnObject *b, const char *data, tn_ssize_t n);
/* Check a newline argument (None, '', '\n', '\r', '\r\n'); its C string,
 * NULL for None.  0 / -1 (TypeError, ValueError as CPython: StringIO
 * quotes the bad value, TextIOWrapper does not: `quote`). */
int tn_io_check_newline(bool quote, TnObject *nl, const char **out);

/* The module's factory functions (io_module.c). */
TnObject *tn_io_open_impl(TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

#endif
