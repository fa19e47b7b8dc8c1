/* core/main.c — the `tandem` command line, modelled on CPython's:
 *   tandem [option] ... [-c cmd | -m mod | file | -] [arg] ...
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/vm/eval.h"
#include "core/compiler/compile.h"
#include "core/compiler/dis.h"
#include "core/modules/modules.h"
#include "core/vm/import.h"

static const char *progname = "tandem";
/* -X dis: print the disassembly of the main code object before running it. */
static int xopt_dis;
/* -X stats: print sys._tandem_stats() to stderr at exit (docs/threading.md). */
static int xopt_stats;

/* TANDEM_FAIL_ALLOC=N (or N+): the Nth allocation of the program fails
 * (with '+', every later one too), for the out-of-memory sweep
 * (tools/oom_sweep.py, docs/build.md).  Armed when the program starts, not
 * at start-up, so that each run tests the program; the counts go to stderr
 * at exit so that the sweep knows when N has passed the last allocation. */
static int fail_alloc_armed;

static void fail_alloc_arm(void)
{
    const char *v = getenv("TANDEM_FAIL_ALLOC");
    if (v == NULL || *v == '\0')
        return;
    char *end;
    long n = strtol(v, &end, 10);
    fail_alloc_armed = 1;
    tn_mem_fail_arm(n, *end == '+');
}

static void fail_alloc_report(void)
{
    if (!fail_alloc_armed)
        return;
    long allocs, failures;
    tn_mem_fail_stats(&allocs, &failures);
    fprintf(stderr, "tandem: TANDEM_FAIL_ALLOC: %ld allocations, %ld failed\n", allocs, failures);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                    "Try `tandem -h' for more information.\n", progname);
    return 2;
}

static void print_help(void)
{
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
           "Options:\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-E     : ignore TANDEMPATH (the Tandem counterpart of PYTHONPATH)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-I     : isolate Tandem from the user's environment (implies -E and -P)\n"
           "-P     : don't prepend a potentially unsafe path to sys.path\n"
           "-V     : print the Tandem version number and flavour and exit (also --version)\n"
           "-X opt : set implementation-specific option; -X dis prints the bytecode of the\n"
           "         main program before running it; -X stats prints the threading\n"
           "         counters to stderr at exit\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n", progname);
}

/* Read a whole stream; NULL + errno on failure. */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = tn_mem_alloc(cap + 1);
    if (buf == NULL) {
        errno = ENOMEM;
        return NULL;
    }
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = tn_mem_realloc(buf, cap * 2 + 1);
            if (nb == NULL) {
                tn_mem_free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        tn_mem_free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static TnObject *make_argv(int argc, char **argv, const char *argv0)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    TnObject *s = tn_str_from_cstr(argv0);
    if (s == NULL || tn_list_append_steal(list, s) < 0)
        goto error;
    for (int i = 0; i < argc; i++) {
        s = tn_str_from_cstr(argv[i]);
        if (s == NULL || tn_list_append_steal(list, s) < 0)
            goto error;
    }
    return list;
error:
    tn_decref(list);
    return NULL;
}

/* -E and -I: TANDEMPATH is not read; -I and -P: no sys.path[0]. */
static int opt_ignore_environment, opt_safe_path;

static int setup_sys(TnObject *argv_list, const char *path0)
{
    TnInterp *interp = tn_interp();
    TnObject *sys = tn_sys_module_create(argv_list, opt_safe_path ? NULL : path0, opt_ignore_environment);
    if (sys == NULL)
        return -1;
    interp->sysdict = tn_newref(tn_module_dict(sys));
    int r = tn_dict_set_item_cstr(interp->modules, "sys", sys);
    tn_decref(sys);
    if (r < 0 || tn_io_install(interp->builtins, interp->sysdict) < 0)
        return -1;
    return 0;
}

/* Compile and run source as __main__.  Returns the process exit code. */
static int run_main_source(const char *src, size_t len, const char *filename, const char *file_attr)
{
    fail_alloc_arm();
    TnObject *mod = tn_module_new("__main__");
    if (mod == NULL)
        return tn_err_handle_uncaught();
    TnObject *globals = tn_module_dict(mod);
    TnObject *res = NULL;
    if (file_attr != NULL) {
        TnObject *f = tn_str_from_cstr(file_attr);
        if (f == NULL || tn_dict_set_item_cstr(globals, "__file__", f) < 0) {
            tn_xdecref(f);
            goto done;
        }
        tn_decref(f);
    }
    if (tn_dict_set_item_cstr(tn_interp()->modules, "__main__", mod) < 0)
        goto done;
    TnObject *code = tn_compile_source(src, (tn_ssize_t)len, filename, TN_MODE_FILE);
    if (code == NULL)
        goto done;
    if (xopt_dis)
        tn_code_dump(code, stdout), fflush(stdout);
    res = tn_eval_code(code, globals, globals);
    tn_decref(code);
done:
    tn_decref(mod);
    if (res == NULL)
        return tn_err_handle_uncaught();
    tn_decref(res);
    return 0;
}

/* -m NAME: run a module found on sys.path as __main__.  Builtin modules
 * have no code to run: CPython's answer for them is "No code object
 * available". */
static int run_module(const char *name)
{
    fail_alloc_arm();
    TnObject *m = tn_dict_get_cstr_borrowed(tn_interp()->modules, name);
    if (tn_import_is_builtin(name) || (m != NULL && tn_dict_get_cstr_borrowed(tn_module_dict(m), "__file__") == NULL)) {
        fprintf(stderr, "%s: No code object available for %s\n", progname, name);
        return 1;
    }
    int exit_code = 0;
    int r = tn_import_run_main_module(name, &exit_code);
    if (r < 0)
        return tn_err_handle_uncaught();
    if (r > 0) {
        if (exit_code == 2)
            fprintf(stderr, "%s: No module named %s.__main__; '%s' is a package and cannot be directly executed\n",
                    progname, name, name);
        else
            fprintf(stderr, "%s: No module named %s\n", progname, name);
        return 1;
    }
    return 0;
}

static int run_file(const char *path)
{
    char abspath[PATH_MAX];
    if (path[0] != '/' && realpath(".", abspath) != NULL && strlen(abspath) + strlen(path) + 2 < sizeof abspath) {
        strcat(abspath, "/");
        strcat(abspath, path);
    } else {
        snprintf(abspath, sizeof abspath, "%s", path);
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int err = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", progname, abspath, err, strerror(err));
        return 2;
    }
    size_t len;
    char *src = read_all(f, &len);
    int err = errno;
    fclose(f);
    if (src == NULL) {
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", progname, abspath, err, strerror(err));
        return 2;
    }
    int code = run_main_source(src, len, abspath, abspath);
    tn_mem_free(src);
    return code;
}

static int run_stdin(void)
{
    size_t len;
    char *src = read_all(stdin, &len);
    if (src == NULL) {
        fprintf(stderr, "%s: cannot read stdin\n", progname);
        return 1;
    }
    int code = run_main_source(src, len, "<stdin>", "<stdin>");
    tn_mem_free(src);
    return code;
}

int main(int argc, char **argv)
{
    if (argc > 0 && argv[0] != NULL)
        progname = argv[0];
    const char *command = NULL, *script = NULL, *module = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("Tandem %s (%s)\n", TN_VERSION, TN_FLAVOUR_NAME);
            return 0;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "-?") == 0 || strcmp(a, "--help") == 0) {
            print_help();
            return 0;
        }
        if (strncmp(a, "-c", 2) == 0) {
            if (a[2] != '\0') {
                command = a + 2;
            } else if (i + 1 < argc) {
                command = argv[++i];
            } else {
                return usage_error("Argument expected for the %s option\n", "-c");
            }
            i++;
            break;
        }
        if (strncmp(a, "-m", 2) == 0) {
            if (a[2] != '\0') {
                module = a + 2;
            } else if (i + 1 < argc) {
                module = argv[++i];
            } else {
                return usage_error("Argument expected for the %s option\n", "-m");
            }
            i++;
            break;
        }
        if (strncmp(a, "-X", 2) == 0) {
            const char *opt = a + 2;
            if (*opt == '\0') {
                if (++i >= argc)
                    return usage_error("Argument expected for the %s option\n", "-X");
                opt = argv[i];
            }
            if (strcmp(opt, "dis") == 0)
                xopt_dis = 1;
            else if (strcmp(opt, "stats") == 0)
                xopt_stats = 1;
            continue;   /* unknown -X options are ignored, as CPython does */
        }
        if (strcmp(a, "-E") == 0 || strcmp(a, "-I") == 0)
            opt_ignore_environment = 1;
        if (strcmp(a, "-P") == 0 || strcmp(a, "-I") == 0)
            opt_safe_path = 1;
        if (strcmp(a, "-E") == 0 || strcmp(a, "-I") == 0 || strcmp(a, "-P") == 0)
            continue;
        if (strcmp(a, "-u") == 0) {
            tn_io_set_unbuffered(true);   /* stdout and stderr unbuffered */
            continue;
        }
        if (strcmp(a, "-B") == 0 || strcmp(a, "-s") == 0 || strcmp(a, "-S") == 0)
            continue;   /* accepted for compatibility; no effect in Tandem */
        return usage_error("Unknown option: %s\n", a);
    }
    if (command == NULL && module == NULL && i < argc && strcmp(argv[i], "-") != 0)
        script = argv[i++];
    else if (command == NULL && module == NULL && i < argc)
        i++;   /* "-": read stdin */

    if (tn_runtime_init() < 0)
        return 1;
    const char *argv0 = command != NULL ? "-c" : module != NULL ? module
                        : script != NULL ? script : (i > 1 && strcmp(argv[i - 1], "-") == 0 ? "-" : "");
    TnObject *argv_list = make_argv(argc - i, argv + i, argv0);
    char dir[PATH_MAX] = "";
    if (module != NULL && getcwd(dir, sizeof dir) == NULL)
        dir[0] = '\0';
    if (script != NULL) {
        char tmp[PATH_MAX];
        if (realpath(script, tmp) != NULL) {
            char *slash = strrchr(tmp, '/');
            if (slash != NULL)
                *slash = '\0';
            snprintf(dir, sizeof dir, "%s", tmp);
        }
    }
    if (argv_list == NULL || setup_sys(argv_list, dir) < 0) {
        tn_xdecref(argv_list);
        int c = tn_err_handle_uncaught();
        return c ? c : 1;
    }
    tn_decref(argv_list);
    int code;
    if (module != NULL)
        code = run_module(module);
    else if (command != NULL)
        code = run_main_source(command, strlen(command), "<string>", NULL);
    else if (script != NULL)
        code = run_file(script);
    else
        code = run_stdin();
    /* After the program and after threading._shutdown() joined the
     * non-daemon threads, so their work is in the counters. */
    /* CPython's Py_RunMain: a standard stream that cannot be flushed at
     * exit makes the status 120. */
    if (tn_runtime_fini() < 0)
        code = 120;
    fail_alloc_report();
    if (xopt_stats)
        tn_sys_tandem_stats_print(stderr);
    tn_exit_by_signal();
    return code;
}
