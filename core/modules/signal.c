/* core/modules/signal.c — the signal module, and the path from a C signal to
 * a Python handler call (see core/modules/signal.h for the three steps).
 *
 * The C handler (on_signal) may run on any thread, between any two
 * instructions, so it only stores to lock-free atomics: tn_signal_trip sets
 * the signal's bit in interp->pending_signals and the main thread's
 * TN_EVAL_SIGNALS breaker bit, and on_signal sets os_signal_flag, which the
 * main thread's condition-variable waits poll (a condition variable cannot
 * be signalled from a signal handler).  When the kernel hands a
 * process-directed signal to another thread, on_signal forwards it to the
 * main thread with pthread_kill (async-signal-safe), so that a blocking
 * system call there (time.sleep, a read) returns EINTR as it would have.
 *
 * Python handlers live in a table indexed by signal number.  Only the main
 * thread changes it (signal.signal refuses elsewhere, as CPython does), but
 * getsignal may read it from any thread, so the table is guarded by a mutex.
 * The C disposition follows the table: a callable installs on_signal,
 * SIG_DFL and SIG_IGN restore the system's.  So SIGTERM at SIG_DFL still
 * kills the process, and a pending bit whose handler is SIG_DFL or SIG_IGN
 * can only come from _thread.interrupt_main(), which CPython ignores then.
 *
 * Not provided: the Signals/Handlers/Sigmasks enums (there is no enum
 * module yet: constants are plain ints), set_wakeup_fd, siginterrupt,
 * setitimer/getitimer, pthread_kill, pthread_sigmask, sigpending, sigwait.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/signal.h"
#include "core/objects/frameobject.h"
#include "threading/mutex.h"
#include "threading/tstate.h"

/* Signal numbers 1 .. TN_NSIG-1 (Linux: 64, the bits of pending_signals). */
#define TN_NSIG 65

static TnInterp *signal_interp;      /* set once at startup, read by on_signal */
static pthread_t main_thread;        /* the thread that runs Python handlers */
static uint32_t os_signal_flag;      /* atomic: on_signal ran since the last tn_signal_check */

static TnMutex handlers_lock = TN_MUTEX_INIT;
static TnObject *handlers[TN_NSIG];  /* under handlers_lock: callable, SIG_DFL, SIG_IGN or None; strong */
static TnObject *sig_dfl, *sig_ign;  /* the ints 0 and 1, kept for identity (getsignal() is SIG_DFL) */
static TnObject *default_int_handler;

/* ---- step 1: the C handler ---------------------------------------------------- */

static void on_signal(int signum)
{
    int saved_errno = errno;
    (void)tn_signal_trip(signal_interp, signum);
    __atomic_store_n(&os_signal_flag, 1u, __ATOMIC_SEQ_CST);
    if (!pthread_equal(pthread_self(), main_thread))
        (void)pthread_kill(main_thread, signum);
    errno = saved_errno;
}

/* Set the C disposition of signum: on_signal, SIG_DFL or SIG_IGN.  No
 * SA_RESTART: a blocking call must come back with EINTR so that the handler
 * can run (PEP 475: the call then resumes if the handler did not raise). */
static int set_disposition(int signum, void (*func)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = func;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    return sigaction(signum, &sa, NULL);
}

/* ---- the handler table ----------------------------------------------------------- */

static TnObject *get_handler_ref(int signum)
{
    tn_mutex_lock(&handlers_lock);
    TnObject *h = tn_xnewref(handlers[signum]);
    tn_mutex_unlock(&handlers_lock);
    return h != NULL ? h : tn_none_ref();
}

/* Store h (a new reference) as signum's handler; the old one is dropped
 * after the lock is released, since dropping may run arbitrary code. */
static TnObject *swap_handler_steal(int signum, TnObject *h)
{
    tn_mutex_lock(&handlers_lock);
    TnObject *old = handlers[signum];
    handlers[signum] = h;
    tn_mutex_unlock(&handlers_lock);
    return old;
}

static bool is_dfl_or_ign(TnObject *h) { return h == NULL || h == TN_NONE || h == sig_dfl || h == sig_ign; }

/* ---- steps 2 and 3: running the Python handlers ----------------------------------------- */

bool tn_signal_is_main_thread(void)
{
    TnThreadState *ts = tn_tstate();
    return ts != NULL && ts->thread_ident == ts->interp->main_thread_ident;
}

bool tn_signal_os_pending(void) { return __atomic_load_n(&os_signal_flag, __ATOMIC_SEQ_CST) != 0; }

/* The frame argument of a handler: the running Python frame, as CPython
 * passes it, or None outside any. */
static TnObject *current_frame_object(TnThreadState *ts)
{
    if (ts->frame == NULL || tn_type_ready(&tn_type_frame) < 0)
        return tn_none_ref();
    return tn_frame_object_from(ts->frame);
}

static int call_handler(TnThreadState *ts, int signum, TnObject *func)
{
    TnObject *args[2];
    args[0] = tn_int_from_i64(signum);
    args[1] = args[0] != NULL ? current_frame_object(ts) : NULL;
    TnObject *res = args[1] != NULL ? tn_call(func, args, 2, NULL) : NULL;
    tn_xdecref(args[0]);
    tn_xdecref(args[1]);
    if (res == NULL)
        return -1;
    tn_decref(res);
    return 0;
}

/* Put the signals of `pending` back (a handler raised before their turn):
 * they are handled at the next check point, as CPython re-trips them. */
static void repost(TnInterp *interp, uint64_t pending)
{
    if (pending == 0)
        return;
    __atomic_fetch_or(&interp->pending_signals, pending, __ATOMIC_SEQ_CST);
    if (interp->main_breaker != NULL)
        tn_eval_breaker_set(interp->main_breaker, TN_EVAL_SIGNALS);
}

int tn_signal_run_pending(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    if (ts->thread_ident != interp->main_thread_ident)
        return 0;
    __atomic_store_n(&os_signal_flag, 0u, __ATOMIC_SEQ_CST);
    uint64_t pending = __atomic_exchange_n(&interp->pending_signals, 0, __ATOMIC_SEQ_CST);
    for (int signum = 1; pending != 0 && signum < TN_NSIG; signum++) {
        uint64_t bit = (uint64_t)1 << (signum - 1);
        if ((pending & bit) == 0)
            continue;
        pending &= ~bit;
        TnObject *func = get_handler_ref(signum);
        /* SIG_DFL / SIG_IGN: only interrupt_main() trips those (the C
         * handler is not installed for them), and CPython then does
         * nothing. */
        int r = is_dfl_or_ign(func) ? 0 : call_handler(ts, signum, func);
        tn_decref(func);
        if (r < 0) {
            repost(interp, pending);
            return -1;
        }
    }
    return 0;
}

int tn_signal_check(void)
{
    TnThreadState *ts = tn_tstate();
    if (ts->thread_ident != ts->interp->main_thread_ident)
        return 0;
    /* Taking the breaker bit too keeps the eval loop from calling in
     * again for signals handled here. */
    (void)tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_SIGNALS);
    return tn_signal_run_pending(ts);
}

/* ---- startup ------------------------------------------------------------------ */

static const TnMethodDef default_int_handler_def;

int tn_signal_init(TnInterp *interp)
{
    signal_interp = interp;
    main_thread = pthread_self();
    if (sig_dfl == NULL) {
        sig_dfl = tn_int_from_i64(0);
        sig_ign = tn_int_from_i64(1);
        default_int_handler = tn_cfunction_new(&default_int_handler_def, NULL, NULL);
        if (sig_dfl == NULL || sig_ign == NULL || default_int_handler == NULL)
            return -1;
    }
    /* As CPython: what the process inherited is SIG_DFL, SIG_IGN or "not
     * ours" (None). */
    for (int signum = 1; signum < TN_NSIG; signum++) {
        struct sigaction old;
        TnObject *h = TN_NONE;
        if (sigaction(signum, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO)) {
            if (old.sa_handler == SIG_DFL)
                h = sig_dfl;
            else if (old.sa_handler == SIG_IGN)
                h = sig_ign;
        }
        tn_xdecref(swap_handler_steal(signum, tn_newref(h)));
    }
    /* Ctrl-C raises KeyboardInterrupt unless SIGINT was ignored on entry
     * (a background job keeps ignoring it, as under CPython). */
    if (handlers[SIGINT] == sig_dfl) {
        if (set_disposition(SIGINT, on_signal) < 0) {
            tn_err_set_from_errno_filename(errno, NULL);
            return -1;
        }
        tn_decref(swap_handler_steal(SIGINT, tn_newref(default_int_handler)));
    }
    return 0;
}

/* ---- the module functions --------------------------------------------------------- */

/* A signal number argument in 1 .. NSIG-1.  0 / -1. */
static int signum_arg(TnObject *o, int *out)
{
    int v;
    if (tn_builtins_as_int(o, &v) < 0)
        return -1;
    if (v < 1 || v >= TN_NSIG) {
        tn_err_set_str(&tn_exc_ValueError, "signal number out of range");
        return -1;
    }
    *out = v;
    return 0;
}

/* CPython's signal.signal is Python code that passes int(x) on for its
 * arguments when int() accepts them, x itself otherwise (_enum_to_int): so
 * signal(2.0, h) sets SIGINT and a handler of 1.5 or "1" means SIG_IGN.
 * New ref, or NULL if int() raised something else. */
static TnObject *enum_to_int(TnObject *x)
{
    if (tn_int_check(x))
        return tn_newref(x);
    TnObject *v = tn_call(TN_OBJ(&tn_type_int), &x, 1, NULL);
    if (v != NULL)
        return v;
    if (!tn_err_matches(&tn_exc_ValueError) && !tn_err_matches(&tn_exc_TypeError))
        return NULL;
    tn_err_clear();
    return tn_newref(x);
}

/* A non-callable handler: 0 for SIG_DFL, 1 for SIG_IGN, -1 for neither. */
static int int_handler_value(TnObject *h)
{
    if (!tn_int_check(h))
        return -1;
    int overflow;
    int64_t v = tn_int_as_i64(h, &overflow);
    return !overflow && (v == 0 || v == 1) ? (int)v : -1;
}

static TnObject *signal_signal(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("signal", kwnames) < 0 || tn_args_count("signal", nargs, 2, 2) < 0)
        return NULL;
    TnObject *signum_obj = enum_to_int(args[0]);
    if (signum_obj == NULL)
        return NULL;
    if (!tn_signal_is_main_thread()) {
        tn_decref(signum_obj);
        return tn_err_format(&tn_exc_ValueError, "signal only works in main thread of the main interpreter");
    }
    int signum;
    int r = signum_arg(signum_obj, &signum);
    tn_decref(signum_obj);
    if (r < 0)
        return NULL;
    TnObject *handler = args[1];
    void (*func)(int);
    if (tn_callable_check(handler)) {
        func = on_signal;
    } else {
        TnObject *as_int = enum_to_int(handler);
        if (as_int == NULL)
            return NULL;
        int v = int_handler_value(as_int);
        tn_decref(as_int);
        if (v < 0)
            return tn_err_format(&tn_exc_TypeError,
                                 "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        func = v == 0 ? SIG_DFL : SIG_IGN;
        handler = v == 0 ? sig_dfl : sig_ign;
    }
    /* Signals that arrived under the old handler are handled by it. */
    if (tn_signal_check() < 0)
        return NULL;
    if (set_disposition(signum, func) < 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    TnObject *old = swap_handler_steal(signum, tn_newref(handler));
    return old != NULL ? old : tn_none_ref();
}

static TnObject *signal_getsignal(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int signum;
    if (tn_args_no_kw("getsignal", kwnames) < 0 || tn_args_count("getsignal", nargs, 1, 1) < 0 ||
        signum_arg(args[0], &signum) < 0)
        return NULL;
    return get_handler_ref(signum);
}

static TnObject *signal_default_int_handler(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                            TnObject *kwnames)
{
    if (tn_args_no_kw("default_int_handler", kwnames) < 0 ||
        tn_args_count("default_int_handler", nargs, 2, 2) < 0)
        return NULL;
    int signum;
    if (tn_builtins_as_int(args[0], &signum) < 0)
        return NULL;
    tn_err_set_none(&tn_exc_KeyboardInterrupt);
    return NULL;
}

static const TnMethodDef default_int_handler_def = {
    "default_int_handler", signal_default_int_handler, 0,
    "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."};

/* raise_signal(signum): send it to the calling thread, then run the
 * handlers at once (it arrived synchronously). */
static TnObject *signal_raise_signal(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int signum;
    if (tn_args_no_kw("raise_signal", kwnames) < 0 || tn_args_count("raise_signal", nargs, 1, 1) < 0 ||
        signum_arg(args[0], &signum) < 0)
        return NULL;
    if (raise(signum) != 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    if (tn_signal_check() < 0)
        return NULL;
    return tn_none_ref();
}

/* alarm(seconds): SIGALRM after that many seconds; the previous alarm's
 * remaining seconds. */
static TnObject *signal_alarm(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int secs;
    if (tn_args_no_kw("alarm", kwnames) < 0 || tn_args_count("alarm", nargs, 1, 1) < 0 ||
        tn_builtins_as_int(args[0], &secs) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)alarm((unsigned)secs));
}

/* pause(): sleep (detached) until a signal arrives, then run its handler. */
static TnObject *signal_pause(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("pause", kwnames) < 0 || tn_args_count("pause", nargs, 0, 0) < 0)
        return NULL;
    TN_BEGIN_ALLOW_THREADS
    (void)pause();
    TN_END_ALLOW_THREADS
    if (tn_signal_check() < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *signal_strsignal(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int signum;
    if (tn_args_no_kw("strsignal", kwnames) < 0 || tn_args_count("strsignal", nargs, 1, 1) < 0 ||
        signum_arg(args[0], &signum) < 0)
        return NULL;
    const char *s = strsignal(signum);
    /* glibc names what it does not know "Unknown signal N" / "Real-time
     * signal N"; CPython returns None for unknown ones. */
    if (s == NULL || strncmp(s, "Unknown signal", 14) == 0)
        return tn_none_ref();
    return tn_str_from_cstr(s);
}

/* valid_signals(): the set of signal numbers this platform has. */
static TnObject *signal_valid_signals(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    if (tn_args_no_kw("valid_signals", kwnames) < 0 || tn_args_count("valid_signals", nargs, 0, 0) < 0)
        return NULL;
    sigset_t all;
    if (sigfillset(&all) != 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    TnObject *set = tn_set_new(NULL);
    for (int signum = 1; set != NULL && signum < TN_NSIG; signum++) {
        if (sigismember(&all, signum) != 1)
            continue;
        TnObject *n = tn_int_from_i64(signum);
        if (n == NULL || tn_set_add(set, n) < 0)
            TN_CLEAR(set);
        tn_xdecref(n);
    }
    return set;
}

static const TnMethodDef signal_functions[] = {
    {"signal", signal_signal, 0, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, 0, "Return the current action for the given signal."},
    {"raise_signal", signal_raise_signal, 0, "Send a signal to the executing process."},
    {"alarm", signal_alarm, 0, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", signal_pause, 0, "Wait until a signal arrives."},
    {"strsignal", signal_strsignal, 0, "Return the system description of the given signal."},
    {"valid_signals", signal_valid_signals, 0, "Return a set of valid signal numbers on this platform."},
    {NULL, NULL, 0, NULL},
};

static int add_int(TnObject *m, const char *name, int64_t v)
{
    TnObject *o = tn_int_from_i64(v);
    if (o == NULL)
        return -1;
    int r = tn_module_add_object(m, name, o);
    tn_decref(o);
    return r;
}

TnObject *tn_signal_module_create(void)
{
    static const struct { const char *name; int value; } consts[] = {
        {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
        {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
        {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
        {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
        {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCHLD}, {"SIGCONT", SIGCONT},
        {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
        {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM},
        {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL},
        {"SIGPWR", SIGPWR}, {"SIGSYS", SIGSYS},
        {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
        {"NSIG", TN_NSIG},
    };
    if (sig_dfl == NULL) {
        tn_err_set_str(&tn_exc_RuntimeError, "signal module created before tn_signal_init");
        return NULL;
    }
    TnObject *m = tn_module_new("signal");
    if (m == NULL)
        return NULL;
    int r = tn_module_add_functions(m, signal_functions);
    for (size_t i = 0; r == 0 && i < sizeof consts / sizeof consts[0]; i++)
        r = add_int(m, consts[i].name, consts[i].value);
    if (r == 0)
        r = add_int(m, "SIGRTMIN", SIGRTMIN);
    if (r == 0)
        r = add_int(m, "SIGRTMAX", SIGRTMAX);
    if (r == 0)
        r = tn_module_add_object(m, "SIG_DFL", sig_dfl);
    if (r == 0)
        r = tn_module_add_object(m, "SIG_IGN", sig_ign);
    if (r == 0)
        r = tn_module_add_object(m, "default_int_handler", default_int_handler);
    if (r < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
