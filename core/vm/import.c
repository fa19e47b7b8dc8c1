/* core/vm/import.c — the import system: sys.modules, modules and packages
 * found on sys.path (or a package's __path__), relative imports, circular
 * imports (a module is in sys.modules before its body runs), from-imports
 * of submodules, `tandem -m`, and the per-module import locks that let
 * threads import at the same time (each body runs once; a thread never sees
 * another thread's partially initialised module unless waiting for it
 * would deadlock).
 *
 * Messages are CPython's: "No module named 'x'", "No module named 'a.b';
 * 'a' is not a package", "attempted relative import with no known parent
 * package", "cannot import name 'x' from 'm' (/path/m.py)".
  *
 * Design note: docs/imports.md.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "core/tn.h"
#include "core/vm/import.h"
#include "core/vm/eval.h"
#include "core/compiler/compile.h"
#include "core/modules/modules.h"
#include "core/modules/signal.h"
#include "threading/tstate.h"

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 14, n = 0, got;
    char *buf = tn_mem_alloc(cap + 1);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = tn_mem_realloc(buf, cap * 2 + 1);
            if (nb == NULL) {
                tn_mem_free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf == NULL)
        errno = ENOMEM;   /* the file opened: only memory can have failed */
    if (buf != NULL) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

static TnObject *modules_dict(void)
{
    return tn_interp()->modules;
}

/* ---- Per-module import locks (CPython's importlib._bootstrap._ModuleLock).
 *
 * A thread that loads module M holds M's lock from before it looks M up on
 * the path until M's body has finished (or failed and been removed from
 * sys.modules).  Another thread that finds M in sys.modules while M's body
 * is still running (its name is in interp->importing) waits for the lock,
 * so it gets the complete module; a thread that does not find M takes the
 * lock, looks again, and loads M only if nobody did meanwhile: every body
 * runs once.  The owner itself re-enters its lock (a circular import in one
 * thread gets the partial module, as before).
 *
 * Deadlock avoidance: thread 1 runs A's body, which imports B, while
 * thread 2 runs B's body, which imports A.  Waiting would never end, so
 * before waiting a thread follows the chain "owner of the lock I want ->
 * the lock that owner waits for -> its owner ..." (the waiters list is
 * CPython's _blocking_on map); if the chain comes back to the thread
 * itself it does not wait: for a module already in sys.modules it takes
 * the partially initialised module (CPython's _lock_unlock_module), else it
 * raises CPython's _DeadlockError (a RuntimeError).  A chain that cycles
 * without reaching us means no deadlock for us (bpo-38091): the walk is
 * bounded by the number of waiters.
 *
 * The registry holds plain C data under one pthread mutex, held only for a
 * few list operations and never across an attach, a detach or an object
 * operation; a waiting thread sleeps detached (TN_BEGIN_ALLOW_THREADS: no
 * GIL, no critical section held) on its lock's condition variable.  It is
 * process-wide state, like the parking lot's table: Tandem has one
 * interpreter, and the locks are keyed by name, not by objects.  A lock
 * lives while some thread uses it (owner, waiters, lookers), as CPython's
 * weakly referenced _module_locks entries do.
 */
typedef struct ImportLock {
    struct ImportLock *next;     /* registry.locks */
    TnThreadState *owner;        /* NULL when free */
    int count;                   /* re-entrant acquisitions by owner */
    int users;                   /* threads holding this struct (get/put) */
    pthread_cond_t released;     /* broadcast when count drops to 0 */
    size_t len;
    char name[];                 /* UTF-8, not NUL-terminated */
} ImportLock;

/* One per waiting thread, on its C stack: "ts is blocked on lock". */
typedef struct ImportWaiter {
    struct ImportWaiter *next;
    TnThreadState *ts;
    ImportLock *lock;
} ImportWaiter;

static struct {
    pthread_mutex_t mutex;
    ImportLock *locks;
    ImportWaiter *waiters;
} registry = {PTHREAD_MUTEX_INITIALIZER, NULL, NULL};

enum { LOCK_WAIT = 0, LOCK_TAKEN = 1, LOCK_DEADLOCK = 2 };

/* The lock for `name`, created if needed, with a use counted.  NULL with
 * MemoryError. */
static ImportLock *module_lock_get(TnObject *name)
{
    tn_ssize_t n;
    const char *s = tn_str_utf8(name, &n);
    if (s == NULL)
        return NULL;
    size_t len = (size_t)n;
    /* Allocated before taking the registry mutex (nothing but list
     * operations under it); freed again when the lock exists already. */
    ImportLock *fresh = tn_mem_alloc(sizeof(ImportLock) + len);
    if (fresh == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    pthread_mutex_lock(&registry.mutex);
    ImportLock *l = registry.locks;
    while (l != NULL && !(l->len == len && memcmp(l->name, s, len) == 0))
        l = l->next;
    if (l == NULL) {
        l = fresh;
        fresh = NULL;
        l->owner = NULL;
        l->count = 0;
        l->users = 0;
        pthread_cond_init(&l->released, NULL);
        l->len = len;
        memcpy(l->name, s, len);
        l->next = registry.locks;
        registry.locks = l;
    }
    l->users++;
    pthread_mutex_unlock(&registry.mutex);
    tn_mem_free(fresh);
    return l;
}

/* Drop a use; the last user frees the lock (it is free by then). */
static void module_lock_put(ImportLock *l)
{
    pthread_mutex_lock(&registry.mutex);
    bool last = --l->users == 0;
    if (last) {
        ImportLock **p = &registry.locks;
        while (*p != l)
            p = &(*p)->next;
        *p = l->next;
    }
    pthread_mutex_unlock(&registry.mutex);
    if (last) {
        pthread_cond_destroy(&l->released);
        tn_mem_free(l);
    }
}

/* The lock `ts` waits for, or NULL. */
static ImportLock *blocking_on_mutex_held(TnThreadState *ts)
{
    for (ImportWaiter *w = registry.waiters; w != NULL; w = w->next)
        if (w->ts == ts)
            return w->lock;
    return NULL;
}

/* Would `me` waiting for l close a cycle of waiting threads? */
static bool has_deadlock_mutex_held(ImportLock *l, TnThreadState *me)
{
    size_t bound = 1;
    for (ImportWaiter *w = registry.waiters; w != NULL; w = w->next)
        bound++;
    TnThreadState *t = l->owner;
    for (size_t step = 0; step < bound; step++) {
        ImportLock *next = blocking_on_mutex_held(t);
        if (next == NULL)
            return false;
        t = next->owner;
        if (t == me)
            return true;
    }
    return false;
}

static int try_take_mutex_held(ImportLock *l, TnThreadState *me)
{
    if (l->owner == NULL || l->owner == me) {
        l->owner = me;
        l->count++;
        return LOCK_TAKEN;
    }
    return has_deadlock_mutex_held(l, me) ? LOCK_DEADLOCK : LOCK_WAIT;
}

/* Take l, sleeping detached while another thread owns it.  Returns
 * LOCK_TAKEN, or LOCK_DEADLOCK (not taken) when waiting would deadlock. */
static int module_lock_acquire(ImportLock *l)
{
    TnThreadState *me = tn_tstate();
    pthread_mutex_lock(&registry.mutex);
    int r = try_take_mutex_held(l, me);
    pthread_mutex_unlock(&registry.mutex);
    if (r != LOCK_WAIT)
        return r;
    TN_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&registry.mutex);
    ImportWaiter w = {registry.waiters, me, l};
    registry.waiters = &w;
    /* Each release wakes every waiter; each re-checks for a deadlock too,
     * since the lock may have passed to a thread that now waits for us. */
    while ((r = try_take_mutex_held(l, me)) == LOCK_WAIT)
        pthread_cond_wait(&l->released, &registry.mutex);
    ImportWaiter **p = &registry.waiters;
    while (*p != &w)
        p = &(*p)->next;
    *p = w.next;
    pthread_mutex_unlock(&registry.mutex);
    TN_END_ALLOW_THREADS
    return r;
}

static void module_lock_release(ImportLock *l)
{
    pthread_mutex_lock(&registry.mutex);
    if (--l->count == 0) {
        l->owner = NULL;
        pthread_cond_broadcast(&l->released);
    }
    pthread_mutex_unlock(&registry.mutex);
}

/* `name` was found in sys.modules: if its body is still running in another
 * thread, wait until it has finished, unless that would deadlock (then the
 * caller gets the partially initialised module, as in CPython).  0 / -1. */
static int wait_until_initialised(TnObject *name)
{
    int r = tn_dict_contains(tn_interp()->importing, name);
    if (r <= 0)
        return r;
    ImportLock *l = module_lock_get(name);
    if (l == NULL)
        return -1;
    if (module_lock_acquire(l) == LOCK_TAKEN)
        module_lock_release(l);
    module_lock_put(l);
    return 0;
}

/* Compile and run the source at `path` as the body of module `m`. */
static int exec_module_file(TnObject *m, const char *path)
{
    size_t len;
    errno = 0;
    char *src = read_file(path, &len);
    if (src == NULL && errno == ENOMEM) {
        tn_err_no_memory();
        return -1;
    }
    if (src == NULL) {
        tn_err_format(&tn_exc_OSError, "cannot read '%s'", path);
        return -1;
    }
    TnObject *code = tn_compile_source(src, (tn_ssize_t)len, path, TN_MODE_FILE);
    tn_mem_free(src);
    if (code == NULL)
        return -1;
    TnObject *d = tn_module_dict(m);
    TnObject *res = tn_eval_code(code, d, d);
    tn_decref(code);
    if (res == NULL)
        return -1;
    tn_decref(res);
    return 0;
}

/* Look for `leaf` in one directory: <dir>/<leaf>/__init__.py (a package)
 * or <dir>/<leaf>.py.  Returns a malloc'd file path and sets *package_dir
 * (malloc'd, or NULL for a plain module). */
static char *find_in_dir(const char *dir, const char *leaf, char **package_dir)
{
    size_t n = strlen(dir) + strlen(leaf) + 16;
    char *pkg = tn_mem_alloc(n), *file = tn_mem_alloc(n + 12);
    if (pkg == NULL || file == NULL) {
        tn_mem_free(pkg);
        tn_mem_free(file);
        tn_err_no_memory();
        return NULL;
    }
    const char *sep = dir[0] != '\0' ? "/" : "";
    snprintf(pkg, n, "%s%s%s", dir[0] != '\0' ? dir : "", sep, leaf);
    snprintf(file, n + 12, "%s/__init__.py", pkg);
    if (is_dir(pkg) && is_file(file)) {
        *package_dir = pkg;
        return file;
    }
    snprintf(file, n + 12, "%s%s%s.py", dir[0] != '\0' ? dir : "", sep, leaf);
    tn_mem_free(pkg);
    if (is_file(file)) {
        *package_dir = NULL;
        return file;
    }
    tn_mem_free(file);
    return NULL;
}

/* Search a list of directories (sys.path or a package's __path__). */
static char *find_module(TnObject *path_list, const char *leaf, char **package_dir)
{
    if (path_list == NULL || !tn_list_check(path_list))
        return NULL;
    for (tn_ssize_t i = 0; i < tn_list_size(path_list); i++) {
        TnObject *entry = tn_list_get_item_ref(path_list, i);
        if (entry == NULL) {
            tn_err_clear();
            break;
        }
        const char *dir = tn_str_check(entry) ? tn_str_utf8(entry, NULL) : NULL;
        char *found = dir != NULL ? find_in_dir(dir, leaf, package_dir) : NULL;
        tn_decref(entry);
        if (found != NULL || tn_err_occurred())
            return found;   /* found, or no memory */
    }
    return NULL;
}

static int set_str(TnObject *d, const char *key, const char *value)
{
    TnObject *s = tn_str_from_cstr(value);
    if (s == NULL)
        return -1;
    int r = tn_dict_set_item_cstr(d, key, s);
    tn_decref(s);
    return r;
}

/* Load module `fullname` from `file` (package if package_dir != NULL):
 * create it, register it in sys.modules, run it.  New reference. */
/* ---- importlib -------------------------------------------------------------------------- */

/* The C importer does the work of importlib's standard finders
 * (BuiltinImporter, FrozenImporter, PathFinder) itself, and runs any other
 * finder a program puts on sys.meta_path (docs/stdlib.md, "importlib").
 * When importlib is first imported, install_importlib does what CPython's
 * start-up does with its frozen importlib: the standard finders go on
 * sys.meta_path and FileFinder's hook on sys.path_hooks, so that
 * importlib.import_module, importlib.util.find_spec, pkgutil and runpy
 * work; and every module the C importer loaded gets the __spec__ and
 * __loader__ importlib would have given it.  Before that, modules have
 * __spec__ None (nothing has imported importlib's classes yet). */

/* __spec__ and __loader__ of a module loaded from `file`. */
static int set_spec(TnObject *m, TnObject *fullname, const char *file, const char *package_dir)
{
    TnObject *d = tn_module_dict(m);
    TnObject *ext = tn_interp()->importlib_external;
    if (ext == NULL)
        return tn_dict_set_item_cstr(d, "__spec__", TN_NONE) < 0
               || tn_dict_set_item_cstr(d, "__loader__", TN_NONE) < 0 ? -1 : 0;
    TnObject *fn = tn_object_getattr_cstr(ext, "spec_from_file_location");
    TnObject *path = tn_str_from_cstr(file);
    TnObject *locs = NULL, *spec = NULL, *loader = NULL;
    if (fn != NULL && path != NULL) {
        if (package_dir != NULL) {
            TnObject *dir = tn_str_from_cstr(package_dir);
            locs = dir != NULL ? tn_list_new(0) : NULL;
            if (locs != NULL && tn_list_append(locs, dir) < 0)
                TN_CLEAR(locs);
            tn_xdecref(dir);
        }
        TnObject *args[3] = {fullname, path, locs};
        TnObject *kw = locs != NULL ? tn_tuple_pack(1, tn_str_intern_cstr("submodule_search_locations")) : NULL;
        if (package_dir == NULL || locs != NULL)
            spec = tn_call(fn, args, 2, kw);
        tn_xdecref(kw);
    }
    if (spec != NULL)
        loader = tn_object_getattr_cstr(spec, "loader");
    int r = loader != NULL && tn_dict_set_item_cstr(d, "__spec__", spec) == 0
            && tn_dict_set_item_cstr(d, "__loader__", loader) == 0 ? 0 : -1;
    tn_xdecref(fn);
    tn_xdecref(path);
    tn_xdecref(locs);
    tn_xdecref(spec);
    tn_xdecref(loader);
    return r;
}

/* Give the modules loaded before importlib their specs (builtin modules got
 * theirs from importlib's own _setup). */
static int respec_loaded_modules(void)
{
    TnObject *items = tn_dict_items_list(modules_dict());
    if (items == NULL)
        return -1;
    int r = 0;
    for (tn_ssize_t i = 0; r == 0 && i < tn_list_size(items); i++) {
        TnObject *kv = tn_list_get_item_ref(items, i);
        TnObject *name = tn_tuple_get(kv, 0), *m = tn_tuple_get(kv, 1);
        if (tn_object_type_check(m, &tn_type_module) && tn_str_check(name)) {
            TnObject *d = tn_module_dict(m);
            TnObject *spec = tn_dict_get_cstr_borrowed(d, "__spec__");
            TnObject *file = tn_dict_get_cstr_borrowed(d, "__file__");
            if ((spec == NULL || spec == TN_NONE) && file != NULL && tn_str_check(file)) {
                TnObject *path = tn_dict_get_cstr_borrowed(d, "__path__");
                TnObject *dir = path != NULL && tn_list_check(path) && tn_list_size(path) > 0
                                    ? tn_list_get_item_ref(path, 0) : NULL;
                const char *dirs = dir != NULL && tn_str_check(dir) ? tn_str_utf8(dir, NULL) : NULL;
                r = set_spec(m, name, tn_str_utf8(file, NULL), dirs);
                tn_xdecref(dir);
            }
        }
        tn_decref(kv);
    }
    tn_decref(items);
    return r;
}

/* importlib has just been imported: install its standard finders (as
 * CPython's _install and _install_external_importers), remember them, and
 * give the loaded modules their specs. */
static int install_importlib(TnObject *importlib)
{
    TnInterp *interp = tn_interp();
    if (interp->importlib_external != NULL)
        return 0;
    TnObject *b = tn_object_getattr_cstr(importlib, "_bootstrap");
    TnObject *be = b != NULL ? tn_object_getattr_cstr(importlib, "_bootstrap_external") : NULL;
    TnObject *sys = tn_import_module_level(tn_str_intern_cstr("sys"), NULL, NULL, 0);
    TnObject *imp = sys != NULL ? tn_import_module_level(tn_str_intern_cstr("_imp"), NULL, NULL, 0) : NULL;
    int r = -1;
    if (be != NULL && imp != NULL) {
        TnObject *args[2] = {sys, imp};
        TnObject *r1 = tn_call_method_cstr(b, "_install", args, 2);
        TnObject *r2 = r1 != NULL ? tn_call_method_cstr(be, "_install", &b, 1) : NULL;
        TnObject *bi = r2 != NULL ? tn_object_getattr_cstr(b, "BuiltinImporter") : NULL;
        TnObject *fi = bi != NULL ? tn_object_getattr_cstr(b, "FrozenImporter") : NULL;
        TnObject *pf = fi != NULL ? tn_object_getattr_cstr(be, "PathFinder") : NULL;
        if (pf != NULL) {
            interp->std_finders = tn_tuple_pack(3, bi, fi, pf);
            interp->importlib_external = tn_newref(be);
            r = interp->std_finders != NULL ? respec_loaded_modules() : -1;
        }
        tn_xdecref(r1);
        tn_xdecref(r2);
        tn_xdecref(bi);
        tn_xdecref(fi);
        tn_xdecref(pf);
    }
    tn_xdecref(b);
    tn_xdecref(be);
    tn_xdecref(sys);
    tn_xdecref(imp);
    return r;
}

static bool is_std_finder(TnObject *finder)
{
    TnObject *std = tn_interp()->std_finders;
    for (tn_ssize_t i = 0; std != NULL && i < tn_tuple_size(std); i++)
        if (tn_tuple_get(std, i) == finder)
            return true;
    return false;
}

/* Ask the finders of sys.meta_path that are not importlib's standard ones,
 * in order, for `fullname` (search: the parent's __path__, or NULL).  The
 * C importer's own search takes the place of the first standard finder, or
 * comes first when there is none; *native_first tells the caller which.
 * 1 and *module when a finder found it (loaded by importlib's _load), 0
 * when none did, -1 on error. */
static int meta_path_find(TnObject *fullname, TnObject *search, bool after_native, TnObject **module)
{
    *module = NULL;
    TnObject *mp = NULL;
    if (tn_interp()->sysdict == NULL
        || tn_dict_get_item_ref(tn_interp()->sysdict, tn_str_intern_cstr("meta_path"), &mp) <= 0)
        return 0;
    TnObject *finders = tn_list_check(mp) ? tn_list_as_tuple(mp) : NULL;
    tn_decref(mp);
    if (finders == NULL)
        return 0;
    bool native_seen = tn_interp()->std_finders == NULL;
    int r = 0;
    for (tn_ssize_t i = 0; r == 0 && i < tn_tuple_size(finders); i++) {
        TnObject *f = tn_tuple_get(finders, i);
        if (is_std_finder(f)) {
            native_seen = true;
            continue;
        }
        if (native_seen != after_native)
            continue;
        TnObject *args[3] = {fullname, search != NULL ? search : TN_NONE, TN_NONE};
        TnObject *spec = tn_call_method_cstr(f, "find_spec", args, 3);
        if (spec == NULL) {
            if (!tn_err_matches(&tn_exc_AttributeError))
                r = -1;
            else
                tn_err_clear();   /* a finder without find_spec (the legacy protocol) */
            continue;
        }
        if (spec != TN_NONE) {
            TnObject *il = tn_import_module_level(tn_str_intern_cstr("importlib"), NULL, NULL, 0);
            TnObject *b = il != NULL ? tn_object_getattr_cstr(il, "_bootstrap") : NULL;
            *module = b != NULL ? tn_call_method_cstr(b, "_load", &spec, 1) : NULL;
            tn_xdecref(il);
            tn_xdecref(b);
            r = *module != NULL ? 1 : -1;
        }
        tn_decref(spec);
    }
    tn_decref(finders);
    return r;
}

static TnObject *load_module(TnObject *fullname, const char *file, const char *package_dir)
{
    const char *name = tn_str_utf8(fullname, NULL);
    TnObject *m = tn_module_new(name);
    if (m == NULL)
        return NULL;
    TnObject *d = tn_module_dict(m);
    if (set_str(d, "__file__", file) < 0)
        goto error;
    /* __package__: the package itself for a package, else the parent. */
    const char *dot = strrchr(name, '.');
    if (package_dir != NULL) {
        if (set_str(d, "__package__", name) < 0)
            goto error;
        TnObject *p = tn_str_from_cstr(package_dir);
        TnObject *path = p != NULL ? tn_list_new(0) : NULL;
        if (path == NULL || tn_list_append(path, p) < 0 || tn_dict_set_item_cstr(d, "__path__", path) < 0) {
            tn_xdecref(p);
            tn_xdecref(path);
            goto error;
        }
        tn_decref(p);
        tn_decref(path);
    } else {
        TnObject *pkg = dot != NULL ? tn_str_from_utf8(name, dot - name) : tn_str_from_cstr("");
        if (pkg == NULL || tn_dict_set_item_cstr(d, "__package__", pkg) < 0) {
            tn_xdecref(pkg);
            goto error;
        }
        tn_decref(pkg);
    }
    if (set_spec(m, fullname, file, package_dir) < 0)
        goto error;
    /* "Initialising" is published before the module appears in sys.modules
     * and withdrawn only after its body is done (and, on failure, after it
     * left sys.modules again): a thread that finds it in sys.modules and
     * not in `importing` may take it as complete without locking. */
    TnObject *importing = tn_interp()->importing;
    if (tn_dict_set_item(importing, fullname, TN_TRUE) < 0)
        goto error;
    int ran = tn_dict_set_item(modules_dict(), fullname, m);
    if (ran == 0)
        ran = exec_module_file(m, file);
    TnObject *exc = tn_err_fetch();
    if (ran < 0) {
        /* A failed import leaves nothing behind in sys.modules. */
        TnObject *removed;
        if (tn_dict_pop_item_ref(modules_dict(), fullname, &removed) < 0)
            tn_err_clear();
        tn_xdecref(removed);
    }
    TnObject *flag;
    if (tn_dict_pop_item_ref(importing, fullname, &flag) < 0)
        tn_err_clear();
    tn_xdecref(flag);
    tn_err_restore(exc);
    if (ran < 0)
        goto error;
    /* The module may have replaced itself in sys.modules. */
    TnObject *final;
    if (tn_dict_get_item_ref(modules_dict(), fullname, &final) > 0) {
        tn_decref(m);
        return final;
    }
    return m;
error:
    tn_decref(m);
    return NULL;
}

/* The builtin C modules other than sys and builtins (which are the
 * interpreter's own).  Start-up creates those marked at_startup
 * (tn_import_add_builtin_modules, called by core/vm/lifecycle.c), the
 * others (the standard library's C modules) are created on their first
 * import, as CPython's builtin modules are; a program
 * that deletes one from sys.modules gets a new module object on its next
 * import, as in CPython.  That re-creation runs under the module's import
 * lock, so two threads importing it at once create it once.  One table for
 * both, so a module added here is importable again after a deletion. */
static const struct {
    const char *name;
    TnObject *(*create)(void);
    bool at_startup;   /* false: created on its first import (docs/stdlib.md) */
} builtin_modules[] = {
    {"math", tn_math_module_create, true},
    {"time", tn_time_module_create, true},
    {"dis", tn_dis_module_create, true},
    {"_thread", tn_thread_module_create, true},
    {"signal", tn_signal_module_create, true},
    /* At start-up: it installs the collector's weak-reference hooks. */
    {"_weakref", tn_weakref_module_create, true},
    {"posix", tn_posix_module_create, false},
    {"pwd", tn_pwd_module_create, false},
    {"_io", tn_io_module_create, true},
    {"errno", tn_errno_module_create, false},
    {"_stat", tn_stat_module_create, false},
    {"atexit", tn_atexit_module_create, false},
    {"_string", tn_string_module_create, false},
    {"itertools", tn_itertools_module_create, false},
    {"_collections", tn_collections_module_create, false},
    {"_random", tn_random_module_create, false},
    {"_struct", tn_struct_module_create, false},
    {"_ast", tn_ast_module_create, false},
    {"_codecs", tn_codecs_module_create, false},
    {"binascii", tn_binascii_module_create, false},
    {"array", tn_array_module_create, false},
    {"_contextvars", tn_contextvars_module_create, false},
    {"_sre", tn_sre_module_create, false},
    {"gc", tn_gc_module_create, false},
    {"_imp", tn_imp_module_create, false},
    {"_warnings", tn_warnings_module_create, false},
    {"marshal", tn_marshal_module_create, false},
    {"_sha512", tn_sha512_module_create, false},
    {"_operator", tn_operator_module_create, false},
};

/* Create builtin_modules[i] and put it in `modules`.
 * New reference, NULL on error. */
static TnObject *create_builtin(size_t i, TnObject *modules)
{
    TnObject *m = builtin_modules[i].create();
    if (m == NULL || tn_dict_set_item_cstr(modules, builtin_modules[i].name, m) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}

int tn_import_add_builtin_modules(TnObject *modules)
{
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
        if (!builtin_modules[i].at_startup)
            continue;
        TnObject *m = create_builtin(i, modules);
        if (m == NULL)
            return -1;
        tn_decref(m);
    }
    return 0;
}

TnObject *tn_import_builtin_module_names(void)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    const char *extra[] = {"builtins", "sys"};
    for (size_t i = 0; i < 2 + sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
        const char *name = i < 2 ? extra[i] : builtin_modules[i - 2].name;
        TnObject *s = tn_str_intern_cstr(name);
        if (s == NULL || tn_list_append(list, s) < 0) {
            tn_decref(list);
            return NULL;
        }
    }
    TnObject *t = tn_list_sort(list, NULL, 0) == 0 ? tn_list_as_tuple(list) : NULL;
    tn_decref(list);
    return t;
}

TnObject *tn_import_create_builtin(TnObject *name)
{
    const char *s = tn_str_utf8(name, NULL);
    if (s == NULL)
        return NULL;
    TnObject *m;
    int r = tn_dict_get_item_ref(modules_dict(), name, &m);
    if (r != 0)
        return r > 0 ? m : NULL;
    if (!tn_import_is_builtin(s)) {
        TnObject *msg = tn_str_from_format("no built-in module named %U", name);
        if (msg != NULL)
            tn_err_set_import_error(&tn_exc_ImportError, msg, name, NULL);
        tn_xdecref(msg);
        return NULL;
    }
    /* The importer's own path: the module lock, creation, sys.modules. */
    return tn_import_module_level(name, NULL, NULL, 0);
}

bool tn_import_is_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++)
        if (strcmp(name, builtin_modules[i].name) == 0)
            return true;
    return false;
}

/* 1 and *module (new ref) when `name` is a builtin C module (created and
 * put in sys.modules), 0 when it is not one, -1 on error. */
static int create_builtin_import_locked(TnObject *fullname, TnObject **module)
{
    *module = NULL;
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
        if (!tn_str_eq_cstr(fullname, builtin_modules[i].name))
            continue;
        *module = create_builtin(i, modules_dict());
        return *module != NULL ? 1 : -1;
    }
    return 0;
}

/* CPython's message; when the standard library's directory is missing
 * (a bad TANDEM_STDLIB, an uninstalled package) the message says so, as
 * most failed imports then come from that (docs/stdlib.md). */
static TnObject *not_found(TnObject *fullname)
{
    TnObject *msg;
    if (!tn_sys_stdlib_present())
        msg = tn_str_from_format("No module named '%U' (the standard library was not found: '%s/os.py' does not exist;"
                                 " install the Debian package libpython3.11-stdlib or set TANDEM_STDLIB)",
                                 fullname, tn_sys_stdlib_dir());
    else
        msg = tn_str_from_format("No module named '%U'", fullname);
    if (msg == NULL)
        return NULL;
    tn_err_set_import_error(&tn_exc_ModuleNotFoundError, msg, fullname, NULL);
    tn_decref(msg);
    return NULL;
}

/* Find and load `fullname` (not in sys.modules when the caller looked)
 * while holding its module lock. */
/* Bind a submodule as an attribute of its package.  Steals m; NULL on error. */
static TnObject *bind_to_parent(TnObject *parent, const char *leaf_name, TnObject *m)
{
    if (m == NULL || parent == NULL)
        return m;
    TnObject *leaf = tn_str_from_cstr(leaf_name);
    if (leaf == NULL || tn_object_setattr(parent, leaf, m) < 0)
        TN_CLEAR(m);
    tn_xdecref(leaf);
    return m;
}

static TnObject *find_and_load_import_locked(TnObject *fullname)
{
    /* Another thread may have loaded it while we waited for the lock. */
    TnObject *m;
    int r = tn_dict_get_item_ref(modules_dict(), fullname, &m);
    if (r != 0)
        return r > 0 ? m : NULL;
    const char *name = tn_str_utf8(fullname, NULL);
    if (name == NULL)
        return NULL;
    const char *dot = strrchr(name, '.');
    TnObject *search = NULL, *parent = NULL;
    if (dot != NULL) {
        TnObject *pname = tn_str_from_utf8(name, dot - name);
        if (pname == NULL)
            return NULL;
        r = tn_dict_get_item_ref(modules_dict(), pname, &parent);
        if (r <= 0) {
            if (r == 0)
                not_found(fullname);
            tn_decref(pname);
            return NULL;
        }
        r = tn_object_lookup_attr(parent, tn_str_intern_cstr("__path__"), &search);
        if (r == 0)
            tn_err_format(&tn_exc_ModuleNotFoundError, "No module named '%U'; '%U' is not a package", fullname,
                          pname);
        tn_decref(pname);
        if (r <= 0) {
            tn_decref(parent);
            return NULL;
        }
    }
    const char *leaf = dot != NULL ? dot + 1 : name;
    /* Finders a program put before the standard ones. */
    r = meta_path_find(fullname, search, false, &m);
    if (r == 0 && dot == NULL) {
        r = create_builtin_import_locked(fullname, &m);
        /* A new reference: another thread may rebind sys.path meanwhile. */
        if (r == 0 && tn_interp()->sysdict != NULL
            && tn_dict_get_item_ref(tn_interp()->sysdict, tn_str_intern_cstr("path"), &search) < 0)
            r = -1;
    }
    if (r != 0) {
        tn_xdecref(search);
        m = bind_to_parent(parent, leaf, m);
        tn_xdecref(parent);
        return m;
    }
    char *package_dir = NULL;
    char *file = find_module(search, leaf, &package_dir);
    tn_xdecref(search);
    if (file == NULL) {
        if (tn_err_occurred()) {
            tn_xdecref(parent);
            return NULL;
        }
        /* Finders after the standard ones. */
        r = meta_path_find(fullname, dot != NULL ? NULL : NULL, true, &m);
        m = r > 0 ? bind_to_parent(parent, leaf, m) : r == 0 ? not_found(fullname) : NULL;
        tn_xdecref(parent);
        return m;
    }
    m = load_module(fullname, file, package_dir);
    tn_mem_free(file);
    tn_mem_free(package_dir);
    if (m != NULL && strcmp(name, "importlib") == 0 && install_importlib(m) < 0)
        TN_CLEAR(m);
    m = bind_to_parent(parent, leaf, m);
    tn_xdecref(parent);
    return m;
}

/* Import one fully qualified name whose parent (if any) is imported. */
static TnObject *import_one(TnObject *fullname)
{
    TnObject *m;
    int r = tn_dict_get_item_ref(modules_dict(), fullname, &m);
    if (r < 0)
        return NULL;
    if (r > 0) {
        if (m == TN_NONE) {
            tn_decref(m);
            TnObject *msg = tn_str_from_format("import of %U halted; None in sys.modules", fullname);
            if (msg != NULL)
                tn_err_set_import_error(&tn_exc_ModuleNotFoundError, msg, fullname, NULL);
            tn_xdecref(msg);
            return NULL;
        }
        if (wait_until_initialised(fullname) < 0)
            TN_CLEAR(m);
        return m;
    }
    ImportLock *l = module_lock_get(fullname);
    if (l == NULL)
        return NULL;
    if (module_lock_acquire(l) == LOCK_DEADLOCK) {
        /* We own a lock that the owner of this one waits for, and the module
         * is not in sys.modules: nothing partial to hand out (a body that
         * removed its own module).  CPython raises _DeadlockError here. */
        tn_err_format(&tn_exc_RuntimeError, "deadlock detected by _ModuleLock(%R)", fullname);
        m = NULL;
    } else {
        m = find_and_load_import_locked(fullname);
        module_lock_release(l);
    }
    module_lock_put(l);
    return m;
}

/* Import every prefix of a dotted name; returns the last module. */
static TnObject *import_dotted(TnObject *fullname)
{
    const char *name = tn_str_utf8(fullname, NULL);
    if (name == NULL)
        return NULL;
    TnObject *m = NULL;
    for (const char *p = name;; p++) {
        if (*p != '.' && *p != '\0')
            continue;
        TnObject *prefix = tn_str_from_utf8(name, p - name);
        if (prefix == NULL) {
            tn_xdecref(m);
            return NULL;
        }
        tn_xdecref(m);
        m = import_one(prefix);
        tn_decref(prefix);
        if (m == NULL || *p == '\0')
            return m;
    }
}

/* The package a relative import is relative to, from the importing
 * module's globals. */
static TnObject *resolve_name(TnObject *name, TnObject *globals, int level)
{
    /* New references: another thread may rebind the importer's globals. */
    TnObject *package = globals != NULL ? tn_dict_get_cstr_ref(globals, "__package__") : NULL;
    TnObject *base;
    if (package != NULL && package != TN_NONE) {
        if (!tn_str_check(package)) {
            tn_decref(package);
            return tn_err_format(&tn_exc_TypeError, "package must be a string");
        }
        base = package;
    } else {
        tn_xdecref(package);
        TnObject *modname = globals != NULL ? tn_dict_get_cstr_ref(globals, "__name__") : NULL;
        if (modname == NULL || !tn_str_check(modname)) {
            tn_xdecref(modname);
            return tn_err_format(&tn_exc_ImportError, "attempted relative import with no known parent package");
        }
        if (tn_dict_get_cstr_borrowed(globals, "__path__") != NULL) {
            base = modname;
        } else {
            const char *s = tn_str_utf8(modname, NULL);
            const char *dot = strrchr(s, '.');
            base = tn_str_from_utf8(s, dot != NULL ? dot - s : 0);
            tn_decref(modname);
            if (base == NULL)
                return NULL;
        }
    }
    if (tn_str_length(base) == 0) {
        tn_decref(base);
        return tn_err_format(&tn_exc_ImportError, "attempted relative import with no known parent package");
    }
    /* Go up level-1 packages. */
    const char *s = tn_str_utf8(base, NULL);
    tn_ssize_t end = (tn_ssize_t)strlen(s);
    for (int i = 1; i < level; i++) {
        while (end > 0 && s[end - 1] != '.')
            end--;
        if (end == 0) {
            tn_decref(base);
            return tn_err_format(&tn_exc_ImportError, "attempted relative import beyond top-level package");
        }
        end--;
    }
    TnObject *prefix = tn_str_from_utf8(s, end);
    tn_decref(base);
    if (prefix == NULL || tn_str_length(name) == 0)
        return prefix;
    TnObject *res = tn_str_from_format("%U.%U", prefix, name);
    tn_decref(prefix);
    return res;
}

/* After a failed import of submodule `sub` for a from-list: true (and the
 * error cleared) when the error says that `sub` itself does not exist —
 * IMPORT_FROM then reports the missing name.  A ModuleNotFoundError for
 * another module, raised while sub's body ran, propagates (CPython's
 * _handle_fromlist compares exc.name). */
static bool missing_submodule(TnObject *sub)
{
    if (sub == NULL || !tn_err_matches(&tn_exc_ModuleNotFoundError))
        return false;
    TnObject *exc = tn_err_fetch();
    TnObject *name = tn_object_getattr_cstr(exc, "name");
    bool same = name != NULL && tn_str_check(name) && tn_str_eq(name, sub);
    TnObject *present = NULL;
    if (same && tn_dict_get_item_ref(modules_dict(), sub, &present) > 0 && present == TN_NONE)
        same = false;   /* sys.modules[sub] = None blocks the import: report it */
    tn_xdecref(present);
    tn_xdecref(name);
    if (same)
        tn_decref(exc);
    else
        tn_err_restore(exc);
    return same;
}

/* from package import name: import package.name when it is a submodule
 * not yet bound (CPython's _handle_fromlist). */
static int handle_fromlist(TnObject *module, TnObject *fromlist)
{
    TnObject *path;
    int r = tn_object_lookup_attr(module, tn_str_intern_cstr("__path__"), &path);
    if (r <= 0)
        return r;
    tn_decref(path);
    TnObject *modname = tn_object_getattr_cstr(module, "__name__");
    if (modname == NULL)
        return -1;
    tn_ssize_t n = tn_tuple_check(fromlist) ? tn_tuple_size(fromlist) : 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *item = tn_tuple_get(fromlist, i);
        if (!tn_str_check(item) || tn_str_eq_cstr(item, "*"))
            continue;
        int has = tn_object_hasattr(module, item);
        if (has != 0) {
            if (has < 0) {
                tn_decref(modname);
                return -1;
            }
            continue;
        }
        TnObject *sub = tn_str_from_format("%U.%U", modname, item);
        TnObject *m = sub != NULL ? import_one(sub) : NULL;
        if (m == NULL && !missing_submodule(sub)) {
            tn_decref(sub);
            tn_decref(modname);
            return -1;
        }
        tn_xdecref(sub);
        tn_xdecref(m);
    }
    tn_decref(modname);
    return 0;
}

TnObject *tn_import_module_level(TnObject *name, TnObject *globals, TnObject *fromlist, int level)
{
    TnObject *fullname;
    if (level > 0) {
        fullname = resolve_name(name, globals, level);
        if (fullname == NULL)
            return NULL;
    } else {
        if (tn_str_length(name) == 0)
            return tn_err_format(&tn_exc_ValueError, "Empty module name");
        fullname = tn_newref(name);
    }
    TnObject *m = import_dotted(fullname);
    if (m == NULL) {
        tn_decref(fullname);
        return NULL;
    }
    bool has_from = fromlist != NULL && fromlist != TN_NONE && tn_object_is_true(fromlist) > 0;
    if (has_from) {
        tn_decref(fullname);
        if (handle_fromlist(m, fromlist) < 0) {
            tn_decref(m);
            return NULL;
        }
        return m;
    }
    /* `import a.b.c` binds a: return the top-level package. */
    TnObject *res = m;
    const char *s = tn_str_utf8(fullname, NULL);
    const char *dot = s != NULL ? strchr(s, '.') : NULL;
    if (level == 0 && dot != NULL) {
        TnObject *top = tn_str_from_utf8(s, dot - s);
        res = NULL;
        if (top != NULL && tn_dict_get_item_ref(modules_dict(), top, &res) == 0)
            not_found(top);
        tn_xdecref(top);
        tn_decref(m);
    } else if (level > 0 && tn_str_length(name) > 0 && strchr(tn_str_utf8(name, NULL), '.') != NULL) {
        /* from-less relative dotted import binds the first component
         * below the package: rare; return the module itself. */
    }
    tn_decref(fullname);
    return res;
}

TnObject *tn_import_from(TnObject *module, TnObject *name)
{
    TnObject *v;
    int r = tn_object_lookup_attr(module, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    /* A submodule being imported circularly is in sys.modules already. */
    TnObject *modname;
    r = tn_object_lookup_attr(module, tn_str_intern_cstr("__name__"), &modname);
    if (r < 0)
        return NULL;
    if (r > 0 && tn_str_check(modname)) {
        TnObject *full = tn_str_from_format("%U.%U", modname, name);
        r = full != NULL ? tn_dict_get_item_ref(modules_dict(), full, &v) : -1;
        tn_xdecref(full);
        if (r != 0) {
            tn_decref(modname);
            return r > 0 ? v : NULL;   /* found, or no memory */
        }
    }
    TnObject *file = NULL;
    if (tn_object_lookup_attr(module, tn_str_intern_cstr("__file__"), &file) < 0)
        tn_err_clear();
    const char *mn = modname != NULL && tn_str_check(modname) ? tn_str_utf8(modname, NULL) : "<unknown module name>";
    /* Is its body still running?  (CPython checks __spec__._initializing.) */
    bool initialising = modname != NULL && tn_str_check(modname)
                        && tn_dict_contains(tn_interp()->importing, modname) > 0;
    TnObject *msg;
    bool has_file = file != NULL && tn_str_check(file);
    if (has_file && initialising)
        msg = tn_str_from_format("cannot import name '%U' from partially initialized module '%s' "
                                 "(most likely due to a circular import) (%U)", name, mn, file);
    else if (has_file)
        msg = tn_str_from_format("cannot import name '%U' from '%s' (%U)", name, mn, file);
    else
        msg = tn_str_from_format("cannot import name '%U' from '%s' (unknown location)", name, mn);
    if (msg != NULL) {
        TnObject *pkg = modname != NULL && tn_str_check(modname) ? modname : NULL;
        tn_err_set_import_error(&tn_exc_ImportError, msg, pkg, has_file ? file : NULL);
        tn_decref(msg);
    }
    tn_xdecref(file);
    tn_xdecref(modname);
    return NULL;
}

int tn_import_run_main_module(const char *name, int *exit_code)
{
    TnObject *n = tn_str_from_cstr(name);
    if (n == NULL)
        return -1;
    /* Import the parents, then find the module itself without caching it
     * under its own name: it runs as __main__. */
    const char *dot = strrchr(name, '.');
    TnObject *search = NULL;
    if (dot != NULL) {
        TnObject *pname = tn_str_from_utf8(name, dot - name);
        TnObject *parent = pname != NULL ? import_dotted(pname) : NULL;
        tn_xdecref(pname);
        if (parent == NULL) {
            tn_decref(n);
            return -1;
        }
        if (tn_object_lookup_attr(parent, tn_str_intern_cstr("__path__"), &search) < 0) {
            tn_decref(parent);
            tn_decref(n);
            return -1;
        }
        tn_decref(parent);
    } else {
        search = tn_dict_get_cstr_ref(tn_interp()->sysdict, "path");
    }
    char *package_dir = NULL;
    char *file = find_module(search, dot != NULL ? dot + 1 : name, &package_dir);
    tn_xdecref(search);
    tn_decref(n);
    if (file == NULL && tn_err_occurred())
        return -1;
    if (file == NULL) {
        *exit_code = 1;
        return 1;   /* not found: the caller prints CPython's message */
    }
    if (package_dir != NULL) {
        /* A package is imported, then its __main__ submodule runs. */
        TnObject *pname = tn_str_from_cstr(name);
        TnObject *pkg = pname != NULL ? import_dotted(pname) : NULL;
        tn_xdecref(pname);
        if (pkg == NULL) {
            tn_mem_free(file);
            tn_mem_free(package_dir);
            return -1;
        }
        tn_decref(pkg);
        tn_mem_free(file);
        size_t len = strlen(package_dir) + 16;
        file = tn_mem_alloc(len);
        if (file != NULL)
            snprintf(file, len, "%s/__main__.py", package_dir);
        tn_mem_free(package_dir);
        package_dir = NULL;
        if (file == NULL) {
            tn_err_no_memory();
            return -1;
        }
        if (file == NULL || !is_file(file)) {
            tn_mem_free(file);
            *exit_code = 2;
            return 1;
        }
    }
    TnObject *m = tn_module_new("__main__");
    if (m == NULL) {
        tn_mem_free(file);
        return -1;
    }
    TnObject *d = tn_module_dict(m);
    int r = set_str(d, "__file__", file);
    if (r == 0)
        r = tn_dict_set_item_cstr(tn_interp()->modules, "__main__", m);
    if (r == 0)
        r = exec_module_file(m, file);
    tn_mem_free(file);
    tn_decref(m);
    *exit_code = 0;
    return r < 0 ? -1 : 0;
}
