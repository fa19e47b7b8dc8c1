/* core/modules/pwd.c — the pwd module: getpwuid, getpwnam, getpwall and
 * struct_passwd, with CPython's messages (docs/posix.md).  posixpath's
 * expanduser('~user') and expanduser without $HOME need it; shutil's
 * chown takes user names through it.
 *
 * getpwuid/getpwnam use the reentrant getpw*_r calls.  getpwall walks
 * libc's one password-database cursor (setpwent/getpwent), which is
 * process-global: a mutex keeps two threads from interleaving on it, and
 * the entries are copied out under it and turned into Python objects
 * after it is released (no allocation, hence no collection or Python code,
 * while it is held). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/objects/range.h"
#include "core/objects/structseq.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/posix.h"
#include "threading/mutex.h"

static TnStructSeqType struct_passwd_type;
static const char *const passwd_fields[] = {"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir",
                                            "pw_shell", NULL};

static TnObject *text(const char *s)
{
    return tn_posix_name(s != NULL ? s : "", s != NULL ? (tn_ssize_t)strlen(s) : 0, false);
}

static TnObject *passwd_result(const struct passwd *p)
{
    TnObject *v[7] = {
        text(p->pw_name), text(p->pw_passwd), tn_int_from_i64(p->pw_uid), tn_int_from_i64(p->pw_gid),
        text(p->pw_gecos), text(p->pw_dir), text(p->pw_shell),
    };
    return tn_structseq_new_steal(&struct_passwd_type, v);
}

/* Call getpwuid_r/getpwnam_r with a growing buffer.  1 found, 0 not
 * found, -1 with MemoryError or OSError. */
static int lookup(uid_t uid, const char *name, struct passwd *pw, char **buf)
{
    size_t size = 1024;
    for (;;) {
        *buf = tn_mem_alloc(size);
        if (*buf == NULL) {
            tn_err_no_memory();
            return -1;
        }
        struct passwd *res = NULL;
        int err = name != NULL ? getpwnam_r(name, pw, *buf, size, &res) : getpwuid_r(uid, pw, *buf, size, &res);
        if (err == ERANGE && size < (1u << 20)) {
            tn_mem_free(*buf);
            size *= 4;
            continue;
        }
        if (res != NULL)
            return 1;
        if (err == 0 || err == ENOENT || err == ESRCH || err == EBADF || err == EPERM)
            return 0;
        errno = err;
        tn_posix_error(NULL);
        return -1;
    }
}

/* getpwuid(uid, /) */
static TnObject *pwd_getpwuid(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getpwuid", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!tn_slice_index_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "uid should be integer, not %s", tn_type(args[0])->name);
    TnObject *i = tn_number_index(args[0]);
    if (i == NULL)
        return NULL;
    int overflow = 0;
    int64_t uid = tn_int_as_i64(i, &overflow);
    if (overflow || uid < 0 || uid > (int64_t)UINT32_MAX - 1) {
        TnObject *r = tn_err_format(&tn_exc_KeyError, "getpwuid(): uid not found");
        tn_decref(i);
        return r;
    }
    struct passwd pw;
    char *buf = NULL;
    int found = lookup((uid_t)uid, NULL, &pw, &buf);
    TnObject *r = found > 0 ? passwd_result(&pw) : NULL;
    if (found == 0) {
        TnObject *msg = tn_str_from_format("getpwuid(): uid not found: %S", i);
        if (msg != NULL)
            tn_err_set_object(&tn_exc_KeyError, msg);
        tn_xdecref(msg);
    }
    tn_mem_free(buf);
    tn_decref(i);
    return r;
}

/* getpwnam(name, /) */
static TnObject *pwd_getpwnam(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getpwnam", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "getpwnam() argument must be str, not %s", tn_type(args[0])->name);
    TnObject *b = tn_posix_fsencode(args[0], "getpwnam");
    if (b == NULL)
        return NULL;
    struct passwd pw;
    char *buf = NULL;
    int found = lookup(0, tn_bytes_data(b), &pw, &buf);
    TnObject *r = found > 0 ? passwd_result(&pw) : NULL;
    if (found == 0) {
        TnObject *msg = tn_str_from_format("getpwnam(): name not found: %R", args[0]);
        if (msg != NULL)
            tn_err_set_object(&tn_exc_KeyError, msg);
        tn_xdecref(msg);
    }
    tn_mem_free(buf);
    tn_decref(b);
    return r;
}

/* One entry copied out of getpwent's static storage. */
typedef struct PwCopy {
    char *name, *passwd, *gecos, *dir, *shell;
    uid_t uid;
    gid_t gid;
} PwCopy;

static TnMutex pwent_lock = TN_MUTEX_INIT;

static void free_copies(PwCopy *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].name);
        free(c[i].passwd);
        free(c[i].gecos);
        free(c[i].dir);
        free(c[i].shell);
    }
    free(c);
}

/* Every entry of the database, copied with the C allocator under
 * pwent_lock.  NULL on exhaustion of memory (*n = 0 and no entries is a
 * valid empty result: returns a non-NULL array). */
static PwCopy *copy_all_entries(size_t *n)
{
    size_t cap = 64;
    PwCopy *c = calloc(cap, sizeof *c);
    *n = 0;
    tn_mutex_lock(&pwent_lock);
    setpwent();
    struct passwd *p;
    while (c != NULL && (p = getpwent()) != NULL) {
        if (*n == cap) {
            PwCopy *bigger = realloc(c, 2 * cap * sizeof *c);
            if (bigger == NULL) {
                free_copies(c, *n);
                c = NULL;
                break;
            }
            c = bigger;
            cap *= 2;
        }
        PwCopy *e = &c[(*n)++];
        e->name = strdup(p->pw_name != NULL ? p->pw_name : "");
        e->passwd = strdup(p->pw_passwd != NULL ? p->pw_passwd : "");
        e->gecos = strdup(p->pw_gecos != NULL ? p->pw_gecos : "");
        e->dir = strdup(p->pw_dir != NULL ? p->pw_dir : "");
        e->shell = strdup(p->pw_shell != NULL ? p->pw_shell : "");
        e->uid = p->pw_uid;
        e->gid = p->pw_gid;
        if (e->name == NULL || e->passwd == NULL || e->gecos == NULL || e->dir == NULL || e->shell == NULL) {
            free_copies(c, *n);
            c = NULL;
        }
    }
    endpwent();
    tn_mutex_unlock(&pwent_lock);
    return c;
}

static TnObject *pwd_getpwall(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getpwall", nargs, kwnames, 0, 0) < 0)
        return NULL;
    size_t n;
    PwCopy *c = copy_all_entries(&n);
    if (c == NULL)
        return tn_err_no_memory();
    TnObject *list = tn_list_new(0);
    for (size_t i = 0; list != NULL && i < n; i++) {
        struct passwd pw = {.pw_name = c[i].name, .pw_passwd = c[i].passwd, .pw_uid = c[i].uid, .pw_gid = c[i].gid,
                            .pw_gecos = c[i].gecos, .pw_dir = c[i].dir, .pw_shell = c[i].shell};
        if (tn_posix_append_steal(list, passwd_result(&pw)) < 0)
            TN_CLEAR(list);
    }
    free_copies(c, n);
    return list;
}

static const TnMethodDef pwd_functions[] = {
    {"getpwuid", pwd_getpwuid, 0, "Return the password database entry for the given numeric user ID."},
    {"getpwnam", pwd_getpwnam, 0, "Return the password database entry for the given user name."},
    {"getpwall", pwd_getpwall, 0, "Return a list of all available password database entries, in arbitrary order."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_pwd_module_create(void)
{
    if (tn_structseq_init_type_ex(&struct_passwd_type, "pwd", "struct_passwd", "pwd.struct_passwd", passwd_fields,
                                  7) < 0)
        return NULL;
    TnObject *m = tn_module_new("pwd");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, pwd_functions) < 0 ||
        tn_module_add_object(m, "struct_passwd", TN_OBJ(&struct_passwd_type)) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
