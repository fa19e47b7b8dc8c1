/* core/modules/time.c — the time module, as CPython 3.11's
 * Modules/timemodule.c on Linux.
 *
 * Clocks: time (CLOCK_REALTIME), monotonic and perf_counter
 * (CLOCK_MONOTONIC), process_time and thread_time (the CPU-time clocks),
 * each also in an _ns form.  struct_time is a tuple-like type (not a tuple
 * subclass yet): indexing, len, iteration, == with tuples, the tm_* names,
 * tm_zone and tm_gmtoff.  Not here: get_clock_info, strptime,
 * clock_gettime & co, tzset.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <time.h>
#include "core/tn.h"
#include "core/modules/signal.h"
#include "threading/tstate.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"

/* ======================================================================
 * struct_time
 * ====================================================================== */

#define ST_FIELDS 9   /* the visible tuple; tm_zone and tm_gmtoff are extra */

typedef struct TnStructTime {
    TnObject ob;
    TnObject *tuple;    /* 9 items */
    TnObject *zone;     /* str or None */
    TnObject *gmtoff;   /* int or None */
} TnStructTime;

static TnType struct_time_type;

static const char *const st_names[ST_FIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
};

/* Steals tuple, zone and gmtoff (any may be NULL on an earlier failure). */
static TnObject *struct_time_new_steal(TnObject *tuple, TnObject *zone, TnObject *gmtoff)
{
    TnStructTime *st = NULL;
    if (tuple != NULL && zone != NULL && gmtoff != NULL)
        st = (TnStructTime *)tn_object_new(&struct_time_type, sizeof(TnStructTime));
    if (st == NULL) {
        tn_xdecref(tuple);
        tn_xdecref(zone);
        tn_xdecref(gmtoff);
        return NULL;
    }
    st->tuple = tuple;
    st->zone = zone;
    st->gmtoff = gmtoff;
    return TN_OBJ(st);
}

static void struct_time_dealloc(TnObject *self)
{
    TnStructTime *st = (TnStructTime *)self;
    TN_CLEAR(st->tuple);
    TN_CLEAR(st->zone);
    TN_CLEAR(st->gmtoff);
    tn_object_free(self);
}

/* struct_time(seq) takes any items.  No clear, as CPython's structseq (a
 * tuple): a cycle through it passes through a mutable item. */
static int struct_time_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnStructTime *st = (TnStructTime *)self;
    TN_VISIT(st->tuple);
    TN_VISIT(st->zone);
    TN_VISIT(st->gmtoff);
    return 0;
}

static TnObject *struct_time_repr(TnObject *self)
{
    TnObject *t = ((TnStructTime *)self)->tuple;
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_puts(&w, "time.struct_time(") < 0)
        goto error;
    for (int i = 0; i < ST_FIELDS; i++) {
        if ((i > 0 && tn_strw_puts(&w, ", ") < 0) || tn_strw_puts(&w, st_names[i]) < 0 ||
            tn_strw_putc(&w, '=') < 0 || tn_strw_put_repr(&w, tn_tuple_get(t, i)) < 0)
            goto error;
    }
    if (tn_strw_putc(&w, ')') < 0)
        goto error;
    return tn_strw_finish(&w);
error:
    tn_strw_discard(&w);
    return NULL;
}

static tn_ssize_t struct_time_length(TnObject *self)
{
    (void)self;
    return ST_FIELDS;
}

static TnObject *struct_time_item(TnObject *self, tn_ssize_t i)
{
    if (i < 0 || i >= ST_FIELDS)
        return tn_err_format(&tn_exc_IndexError, "tuple index out of range");
    return tn_newref(tn_tuple_get(((TnStructTime *)self)->tuple, i));
}

static TnObject *struct_time_subscript(TnObject *self, TnObject *key)
{
    return tn_object_getitem(((TnStructTime *)self)->tuple, key);
}

static TnObject *struct_time_iter(TnObject *self)
{
    return tn_object_get_iter(((TnStructTime *)self)->tuple);
}

static TnObject *unwrap(TnObject *o)
{
    return tn_type(o) == &struct_time_type ? ((TnStructTime *)o)->tuple : o;
}

static TnObject *struct_time_richcompare(TnObject *a, TnObject *b, int op)
{
    TnObject *ua = unwrap(a), *ub = unwrap(b);
    if (!tn_tuple_check(ub))
        return tn_newref(TN_NOTIMPLEMENTED);
    return tn_object_richcompare(ua, ub, op);
}

static tn_hash_t struct_time_hash(TnObject *self)
{
    return tn_object_hash(((TnStructTime *)self)->tuple);
}

static TnObject *st_get_field(TnObject *self, void *closure)
{
    return tn_newref(tn_tuple_get(((TnStructTime *)self)->tuple, (tn_ssize_t)(intptr_t)closure));
}

static TnObject *st_get_zone(TnObject *self, void *closure)
{
    (void)closure;
    return tn_newref(((TnStructTime *)self)->zone);
}

static TnObject *st_get_gmtoff(TnObject *self, void *closure)
{
    (void)closure;
    return tn_newref(((TnStructTime *)self)->gmtoff);
}

static TnObject *st_get_n_fields(TnObject *self, void *closure)
{
    (void)self;
    return tn_int_from_i64((int64_t)(intptr_t)closure);
}

static const TnGetSetDef struct_time_getsets[] = {
    {"tm_year", st_get_field, NULL, "year, for example, 1993", (void *)0},
    {"tm_mon", st_get_field, NULL, "month of year, range [1, 12]", (void *)1},
    {"tm_mday", st_get_field, NULL, "day of month, range [1, 31]", (void *)2},
    {"tm_hour", st_get_field, NULL, "hours, range [0, 23]", (void *)3},
    {"tm_min", st_get_field, NULL, "minutes, range [0, 59]", (void *)4},
    {"tm_sec", st_get_field, NULL, "seconds, range [0, 61])", (void *)5},
    {"tm_wday", st_get_field, NULL, "day of week, range [0, 6], Monday is 0", (void *)6},
    {"tm_yday", st_get_field, NULL, "day of year, range [1, 366]", (void *)7},
    {"tm_isdst", st_get_field, NULL, "1 if summer time is in effect, 0 if not, and -1 if unknown", (void *)8},
    {"tm_zone", st_get_zone, NULL, "abbreviation of timezone name", NULL},
    {"tm_gmtoff", st_get_gmtoff, NULL, "offset from UTC in seconds", NULL},
    {"n_sequence_fields", st_get_n_fields, NULL, NULL, (void *)9},
    {"n_fields", st_get_n_fields, NULL, NULL, (void *)11},
    {NULL, NULL, NULL, NULL, NULL},
};

/* struct_time(sequence): 9 to 11 items (the last two are tm_zone and
 * tm_gmtoff). */
static TnObject *struct_time_new_slot(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    static const char *const names[] = {"sequence", "dict", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (tn_args_parse("struct_time", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    TnObject *seq = tn_tuple_from_iterable(v[0]);
    if (seq == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(seq);
    if (n < ST_FIELDS || n > ST_FIELDS + 2) {
        if (n < ST_FIELDS)
            tn_err_format(&tn_exc_TypeError,
                          "time.struct_time() takes an at least 9-sequence (%zd-sequence given)", n);
        else
            tn_err_format(&tn_exc_TypeError,
                          "time.struct_time() takes an at most 11-sequence (%zd-sequence given)", n);
        tn_decref(seq);
        return NULL;
    }
    TnObject *t = tn_tuple_slice(seq, 0, ST_FIELDS);
    TnObject *zone = tn_newref(n > 9 ? tn_tuple_get(seq, 9) : TN_NONE);
    TnObject *off = tn_newref(n > 10 ? tn_tuple_get(seq, 10) : TN_NONE);
    tn_decref(seq);
    return struct_time_new_steal(t, zone, off);
}

static const TnSequenceMethods struct_time_as_sequence = {
    .length = struct_time_length,
    .item = struct_time_item,
};

static const TnMappingMethods struct_time_as_mapping = {
    .length = struct_time_length,
    .subscript = struct_time_subscript,
};

static TnType struct_time_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "struct_time",
    .basicsize = sizeof(TnStructTime),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = struct_time_dealloc,
    .traverse = struct_time_traverse,
    .repr = struct_time_repr,
    .hash = struct_time_hash,
    .richcompare = struct_time_richcompare,
    .iter = struct_time_iter,
    .new_ = struct_time_new_slot,
    .as_sequence = &struct_time_as_sequence,
    .as_mapping = &struct_time_as_mapping,
    .getsets = struct_time_getsets,
    .doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
           " accepted by asctime(), mktime() and strftime().",
};

/* A struct_time from a struct tm (CPython's tmtotuple). */
static TnObject *tm_to_struct_time(const struct tm *p)
{
    TnObject *t = tn_tuple_new(ST_FIELDS);
    if (t == NULL)
        return NULL;
    int64_t vals[ST_FIELDS] = {
        (int64_t)p->tm_year + 1900, p->tm_mon + 1, p->tm_mday, p->tm_hour, p->tm_min,
        p->tm_sec, (p->tm_wday + 6) % 7, p->tm_yday + 1, p->tm_isdst,
    };
    bool failed = false;
    for (int i = 0; i < ST_FIELDS; i++) {
        TnObject *v = tn_int_from_i64(vals[i]);
        failed |= v == NULL;
        tn_tuple_set_steal(t, i, v != NULL ? v : tn_none_ref());
    }
    if (failed) {
        tn_decref(t);
        return NULL;
    }
    TnObject *zone = p->tm_zone != NULL ? tn_str_from_cstr(p->tm_zone) : tn_none_ref();
    return struct_time_new_steal(t, zone, tn_int_from_i64(p->tm_gmtoff));
}

/* CPython's gettmarg: a struct_time or a 9-tuple of ints into *p (C
 * conventions: year - 1900, month 0-based, ...).  0 / -1. */
static int gettmarg(TnObject *arg, struct tm *p, const char *fname)
{
    memset(p, 0, sizeof(*p));
    TnObject *t = unwrap(arg);
    if (!tn_tuple_check(t)) {
        tn_err_format(&tn_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (tn_tuple_size(t) != ST_FIELDS) {
        tn_err_format(&tn_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[ST_FIELDS];
    for (int i = 0; i < ST_FIELDS; i++) {
        if (tn_builtins_as_int(tn_tuple_get(t, i), &v[i]) < 0)
            return -1;
    }
    p->tm_year = v[0] - 1900;
    p->tm_mon = v[1] - 1;
    p->tm_mday = v[2];
    p->tm_hour = v[3];
    p->tm_min = v[4];
    p->tm_sec = v[5];
    p->tm_wday = (v[6] + 1) % 7;
    p->tm_yday = v[7] - 1;
    p->tm_isdst = v[8];
    if (tn_type(arg) == &struct_time_type) {
        TnStructTime *st = (TnStructTime *)arg;
        if (tn_str_check(st->zone))
            p->tm_zone = tn_str_utf8(st->zone, NULL);
        if (tn_int_check(st->gmtoff)) {
            int overflow = 0;
            p->tm_gmtoff = (long)tn_int_as_i64(st->gmtoff, &overflow);
        }
    }
    return 0;
}

/* CPython's checktm for strftime and asctime: 0 is accepted for the
 * month, day and yday (forced to the lowest valid value).  0 / -1. */
static int checktm(struct tm *buf)
{
    const char *msg = NULL;
    if (buf->tm_mon == -1)
        buf->tm_mon = 0;
    else if (buf->tm_mon < 0 || buf->tm_mon > 11)
        msg = "month out of range";
    if (msg == NULL) {
        if (buf->tm_mday == 0)
            buf->tm_mday = 1;
        else if (buf->tm_mday < 0 || buf->tm_mday > 31)
            msg = "day of month out of range";
    }
    if (msg == NULL && (buf->tm_hour < 0 || buf->tm_hour > 23))
        msg = "hour out of range";
    if (msg == NULL && (buf->tm_min < 0 || buf->tm_min > 59))
        msg = "minute out of range";
    if (msg == NULL && (buf->tm_sec < 0 || buf->tm_sec > 61))
        msg = "seconds out of range";
    if (msg == NULL && buf->tm_wday < 0)
        msg = "day of week out of range";
    if (msg == NULL) {
        if (buf->tm_yday == -1)
            buf->tm_yday = 0;
        else if (buf->tm_yday < 0 || buf->tm_yday > 365)
            msg = "day of year out of range";
    }
    if (msg != NULL) {
        tn_err_format(&tn_exc_ValueError, "%s", msg);
        return -1;
    }
    return 0;
}

/* ======================================================================
 * clocks
 * ====================================================================== */

static int no_args(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 0, 0);
}

static int read_clock(clockid_t id, struct timespec *ts)
{
    if (clock_gettime(id, ts) != 0) {
        tn_err_set_from_errno_filename(errno, NULL);
        return -1;
    }
    return 0;
}

static TnObject *clock_float(clockid_t id)
{
    struct timespec ts;
    if (read_clock(id, &ts) < 0)
        return NULL;
    return tn_float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static TnObject *clock_ns(clockid_t id)
{
    struct timespec ts;
    if (read_clock(id, &ts) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FUNCS(name, id)                                                                  \
    static TnObject *time_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs,      \
                                 TnObject *kwnames)                                           \
    {                                                                                          \
        if (no_args("time." #name, nargs, kwnames) < 0)                                        \
            return NULL;                                                                       \
        return clock_float(id);                                                                \
    }                                                                                          \
    static TnObject *time_##name##_ns(TnObject *self, TnObject *const *args, tn_ssize_t nargs, \
                                      TnObject *kwnames)                                      \
    {                                                                                          \
        if (no_args("time." #name "_ns", nargs, kwnames) < 0)                                  \
            return NULL;                                                                       \
        return clock_ns(id);                                                                   \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* A seconds argument (int or float) as nanoseconds, rounding as asked
 * (CPython's _PyTime_FromSecondsObject).  0 / -1. */
static int seconds_to_ns(TnObject *o, int64_t *out, bool round_up)
{
    if (tn_float_check(o)) {
        double d = tn_float_value(o);
        if (isnan(d)) {
            tn_err_format(&tn_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = round_up ? ceil(d) : floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            tn_err_format(&tn_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *out = (int64_t)d;
        return 0;
    }
    TnObject *i = tn_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t s = tn_int_as_i64(i, &overflow);
    tn_decref(i);
    if (overflow || __builtin_mul_overflow(s, (int64_t)1000000000, out)) {
        tn_err_format(&tn_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    return 0;
}

static TnObject *time_sleep(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (tn_args_no_kw("time.sleep", kwnames) < 0 || tn_args_count("time.sleep", nargs, 1, 1) < 0)
        return NULL;
    int64_t ns;
    if (seconds_to_ns(args[0], &ns, true) < 0)
        return NULL;
    if (ns < 0)
        return tn_err_format(&tn_exc_ValueError, "sleep length must be non-negative");
    struct timespec now, deadline;
    if (read_clock(CLOCK_MONOTONIC, &now) < 0)
        return NULL;
    deadline.tv_sec = now.tv_sec + (time_t)(ns / 1000000000);
    deadline.tv_nsec = now.tv_nsec + (long)(ns % 1000000000);
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    for (;;) {
        /* Detached while asleep: other threads run (gil) and a
         * stop-the-world pause does not wait for us (ft). */
        int err;
        /* A signal caught just before the sleep would not interrupt it. */
        if (tn_signal_os_pending() && tn_signal_check() < 0)
            return NULL;
        TN_BEGIN_ALLOW_THREADS
        err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        TN_END_ALLOW_THREADS
        if (err == 0)
            break;
        if (err != EINTR) {
            tn_err_set_from_errno_filename(err, NULL);
            return NULL;
        }
        /* Interrupted by a signal: its handler runs now (main thread; in
         * another thread this does nothing); if it raised, so does sleep,
         * else the sleep resumes until the same deadline (PEP 475). */
        if (tn_signal_check() < 0)
            return NULL;
    }
    return tn_none_ref();
}

/* ======================================================================
 * calendar functions
 * ====================================================================== */

/* A seconds argument (missing or None: now) as time_t, rounded toward
 * minus infinity.  0 / -1. */
static int get_time_t(TnObject *const *args, tn_ssize_t nargs, time_t *out)
{
    if (nargs == 0 || args[0] == TN_NONE) {
        *out = time(NULL);
        return 0;
    }
    TnObject *o = args[0];
    if (tn_float_check(o)) {
        double d = tn_float_value(o);
        if (isnan(d)) {
            tn_err_format(&tn_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            tn_err_format(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    TnObject *i = tn_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t s = tn_int_as_i64(i, &overflow);
    tn_decref(i);
    if (overflow) {
        tn_err_format(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)s;
    return 0;
}

static TnObject *gm_or_local(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames, bool local)
{
    if (tn_args_no_kw(fname, kwnames) < 0 ||
        tn_builtins_check_positional(fname, nargs, 0, 1) < 0)
        return NULL;
    time_t when;
    if (get_time_t(args, nargs, &when) < 0)
        return NULL;
    struct tm buf;
    errno = 0;
    if ((local ? localtime_r(&when, &buf) : gmtime_r(&when, &buf)) == NULL) {
        if (errno == 0 || errno == EOVERFLOW)
            return tn_err_format(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
        return tn_err_set_from_errno_filename(errno, NULL);
    }
    return tm_to_struct_time(&buf);
}

static TnObject *time_gmtime(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return gm_or_local("gmtime", args, nargs, kwnames, false);
}

static TnObject *time_localtime(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    return gm_or_local("localtime", args, nargs, kwnames, true);
}

static TnObject *time_mktime(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    if (tn_args_no_kw("time.mktime", kwnames) < 0 || tn_args_count("time.mktime", nargs, 1, 1) < 0)
        return NULL;
    struct tm buf;
    if (gettmarg(args[0], &buf, "mktime") < 0)
        return NULL;
    buf.tm_wday = -1;   /* sentinel: mktime sets it on success */
    time_t tt = mktime(&buf);
    if (tt == (time_t)-1 && buf.tm_wday == -1)
        return tn_err_format(&tn_exc_OverflowError, "mktime argument out of range");
    return tn_float_from_double((double)tt);
}

/* The struct tm of an optional time-tuple argument (missing: localtime now). */
static int tm_arg_or_now(TnObject *const *args, tn_ssize_t nargs, struct tm *buf, const char *fname)
{
    if (nargs == 0) {
        time_t now = time(NULL);
        if (localtime_r(&now, buf) == NULL) {
            tn_err_set_from_errno_filename(errno, NULL);
            return -1;
        }
        return 0;
    }
    return gettmarg(args[0], buf, fname);
}

static TnObject *time_strftime(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    if (tn_args_no_kw("strftime", kwnames) < 0 ||
        tn_builtins_check_positional("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "strftime() argument 1 must be str, not %s",
                             tn_type_name(tn_type(args[0])));
    struct tm buf;
    if (tm_arg_or_now(args + 1, nargs - 1, &buf, "strftime") < 0)
        return NULL;
    if (checktm(&buf) < 0)
        return NULL;
    if (buf.tm_isdst < -1)
        buf.tm_isdst = -1;
    else if (buf.tm_isdst > 1)
        buf.tm_isdst = 1;
    tn_ssize_t fmtlen;
    const char *fmt = tn_str_utf8(args[0], &fmtlen);
    if (fmt == NULL)
        return NULL;
    if (fmtlen == 0)
        return tn_str_from_cstr("");
    for (size_t size = 1024;; size *= 2) {
        char *out = tn_mem_alloc(size);
        if (out == NULL)
            return tn_err_no_memory();
        size_t n = strftime(out, size, fmt, &buf);
        if (n > 0 || size >= 256 * (size_t)fmtlen + 1024) {
            TnObject *r = tn_str_from_utf8(out, (tn_ssize_t)n);
            tn_mem_free(out);
            return r;
        }
        tn_mem_free(out);
    }
}

static TnObject *format_asctime(const struct tm *t)
{
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[128];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", wday_name[t->tm_wday],
             mon_name[t->tm_mon], t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec,
             1900 + t->tm_year);
    return tn_str_from_cstr(buf);
}

static TnObject *time_asctime(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (tn_args_no_kw("asctime", kwnames) < 0 ||
        tn_builtins_check_positional("asctime", nargs, 0, 1) < 0)
        return NULL;
    struct tm buf;
    if (tm_arg_or_now(args, nargs, &buf, "asctime") < 0 || checktm(&buf) < 0)
        return NULL;
    return format_asctime(&buf);
}

static TnObject *time_ctime(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (tn_args_no_kw("ctime", kwnames) < 0 ||
        tn_builtins_check_positional("ctime", nargs, 0, 1) < 0)
        return NULL;
    time_t when;
    if (get_time_t(args, nargs, &when) < 0)
        return NULL;
    struct tm buf;
    if (localtime_r(&when, &buf) == NULL)
        return tn_err_format(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
    return format_asctime(&buf);
}

/* ======================================================================
 * the module
 * ====================================================================== */

static const TnMethodDef time_functions[] = {
    {"time", time_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, 0, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, 0, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, 0, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, 0, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, 0, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, 0, "Convert a time tuple to a string according to a format specification."},
    {"asctime", time_asctime, 0, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, 0, "Convert a time in seconds since the Epoch to a string in local time."},
    {NULL, NULL, 0, NULL},
};

static int add_steal(TnObject *m, const char *name, TnObject *v)
{
    if (v == NULL)
        return -1;
    int r = tn_module_add_object(m, name, v);
    tn_decref(v);
    return r;
}

/* timezone, altzone, daylight, tzname from the C library after tzset(). */
static int add_timezone_attrs(TnObject *m)
{
    tzset();
    TnObject *std = tn_str_from_cstr(tzname[0]);
    TnObject *dst = tn_str_from_cstr(tzname[1]);
    TnObject *names = std != NULL && dst != NULL ? tn_tuple_pack(2, std, dst) : NULL;
    tn_xdecref(std);
    tn_xdecref(dst);
    if (add_steal(m, "tzname", names) < 0 || add_steal(m, "timezone", tn_int_from_i64(timezone)) < 0 ||
        add_steal(m, "altzone", tn_int_from_i64(timezone - 3600)) < 0 ||
        add_steal(m, "daylight", tn_int_from_i64(daylight)) < 0)
        return -1;
    return 0;
}

TnObject *tn_time_module_create(void)
{
    if (tn_type_ready(&struct_time_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("time");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, time_functions) < 0 ||
        tn_module_add_object(m, "struct_time", TN_OBJ(&struct_time_type)) < 0 ||
        add_timezone_attrs(m) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
