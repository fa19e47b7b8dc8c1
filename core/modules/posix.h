/* core/modules/posix.h — what the files of the posix module share
 * (posix.c, posix_fs.c, posix_fd.c, posix_stat.c, posix_proc.c; design
 * note docs/posix.md).
 *
 * Paths follow CPython's path_t: a str (encoded as the file system
 * encoding does: UTF-8 with surrogateescape), a bytes, an os.PathLike whose
 * __fspath__ gives one of those, or (where allowed) an open file
 * descriptor.  Functions that return names give bytes for bytes paths. */
#ifndef TN_POSIX_H
#define TN_POSIX_H

#include <sys/stat.h>
#include "core/tn.h"

typedef struct TnPosixPath {
    const char *fname;      /* "stat": the function, for messages */
    const char *argname;    /* "path" */
    bool nullable;          /* None accepted (narrow stays NULL) */
    bool allow_fd;          /* an int is a file descriptor */
    TnObject *object;       /* the str or bytes after __fspath__ (the error filename), or NULL */
    TnObject *bytes;        /* its encoded form, or NULL */
    const char *narrow;     /* the C path, or NULL for an fd or None */
    int fd;                 /* the file descriptor, or -1 */
    bool is_bytes;          /* names come back as bytes */
} TnPosixPath;

#define TN_POSIX_PATH(fname, argname, nullable, allow_fd) \
    {(fname), (argname), (nullable), (allow_fd), NULL, NULL, NULL, -1, false}

/* Convert o into p (CPython's path_converter and its messages).  0 / -1;
 * call tn_posix_path_clear afterwards in both cases. */
int tn_posix_path_convert(TnObject *o, TnPosixPath *p);
void tn_posix_path_clear(TnPosixPath *p);

/* A name from the system: str (surrogateescape) or bytes.  New ref. */
TnObject *tn_posix_name(const char *s, tn_ssize_t n, bool as_bytes);
/* os.fsencode-style bytes of a str, bytes or os.PathLike (borrowed in, new
 * ref out), without embedded NUL; fname is the calling function.  NULL on
 * error. */
TnObject *tn_posix_fsencode(TnObject *o, const char *fname);

/* Raise the OSError subclass for errno with p's filename (NULL: none), or
 * with two filenames ("'a' -> 'b'").  Always NULL. */
TnObject *tn_posix_error(const TnPosixPath *p);
TnObject *tn_posix_error2(const TnPosixPath *a, const TnPosixPath *b);
/* None when a system call's rc is 0, else its OSError (errno, p's
 * filename).  New ref or NULL. */
TnObject *tn_posix_none_or_error(int rc, const TnPosixPath *p);

/* Argument helpers.  Each is 0 / -1 with CPython's TypeError. */
/* dir_fd: None -> AT_FDCWD, or an int. */
int tn_posix_dir_fd(TnObject *o, int *fd);
/* A file descriptor (an int, or an object with fileno() where fileno_ok). */
int tn_posix_fd(TnObject *o, int *fd);
/* Truth of an optional argument (absent: dflt). */
int tn_posix_flag(TnObject *o, bool dflt, bool *out);
/* tn_args_parse with keyword-only parameters after the first npos:
 * "stat() takes at most 1 positional argument (2 given)". */
int tn_posix_parse(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                   const char *const *names, int npos, int required, TnObject **out);
/* Positional-only arguments, between min and max (CPython's messages). */
int tn_posix_check(const char *fname, tn_ssize_t nargs, TnObject *kwnames, tn_ssize_t min,
                   tn_ssize_t max);
/* "stat: can't specify dir_fd without matching path" style checks for a
 * converted path.  0 / -1. */
int tn_posix_check_fd_combo(const TnPosixPath *p, int dir_fd, bool follow);

/* posix_stat.c */
TnObject *tn_posix_stat_result(const struct stat *st);
int tn_posix_stat_add(TnObject *m);
/* posix_fs.c, posix_fd.c, posix_proc.c: add their functions and types. */
int tn_posix_fs_add(TnObject *m);
int tn_posix_fd_add(TnObject *m);
int tn_posix_proc_add(TnObject *m);

/* Append item (stolen; NULL: a failed allocation, -1 with its error) to
 * list.  0 / -1. */
int tn_posix_append_steal(TnObject *list, TnObject *item);

/* Add an int constant / a new object (stolen) to m.  0 / -1. */
int tn_posix_add_int(TnObject *m, const char *name, long long v);
int tn_posix_add_steal(TnObject *m, const char *name, TnObject *v);

#endif
