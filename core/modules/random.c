/* core/modules/random.c — the _random module: Random, the Mersenne Twister
 * (MT19937) that random.py builds on, as CPython 3.11's Modules/_randommodule.c,
 * so that random.seed(x) gives CPython's exact sequence: the generator is
 * Matsumoto and Nishimura's reference code, an int seed is split into
 * little-endian 32-bit words of its absolute value for init_by_array, and
 * any other seed is hashed.  docs/stdlib.md.
 *
 * Threads (ft): the state of one Random is read and advanced inside its
 * critical section, so threads sharing a generator get disjoint draws from
 * one sequence, as under a GIL.
 */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/compiler/ast.h"

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    TnObject ob;
    int index;
    uint32_t state[MT_N];
} RandomObject;

static TnType random_type;

/* ---- the generator (reference code) ---- */

static uint32_t genrand_uint32(RandomObject *self)
{
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t y;
    uint32_t *mt = self->state;
    if (self->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(RandomObject *self, uint32_t s)
{
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int mti = 1; mti < MT_N; mti++)
        mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + (uint32_t)mti);
    self->index = MT_N;
}

static void init_by_array(RandomObject *self, const uint32_t *init_key, size_t key_length)
{
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > key_length ? MT_N : key_length;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + init_key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= key_length)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;   /* MSB is 1; assuring non-zero initial array */
}

/* ---- seeding ---- */

/* seed(None): 624 words from the system's random source (time and pid if
 * it fails, as CPython's fallback). */
static void seed_from_system(RandomObject *self)
{
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t k = getrandom((char *)key + got, sizeof key - got, GRND_NONBLOCK);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    if (got < sizeof key) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t fallback[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32), (uint32_t)ts.tv_nsec,
                                (uint32_t)getpid(), (uint32_t)clock()};
        init_by_array(self, fallback, 5);
        return;
    }
    init_by_array(self, key, MT_N);
}

/* The words of n >= 0, least significant first (at least one).  Malloc'd
 * array or NULL with an error. */
static uint32_t *int_words(TnObject *n, size_t *count)
{
    TnObject *bits_obj = tn_call_method_cstr(n, "bit_length", NULL, 0);
    if (bits_obj == NULL)
        return NULL;
    tn_ssize_t bits = tn_int_as_ssize(bits_obj);
    tn_decref(bits_obj);
    if (bits < 0)
        return NULL;
    size_t words = bits == 0 ? 1 : (size_t)(bits - 1) / 32 + 1;
    TnObject *len = tn_int_from_ssize((tn_ssize_t)(words * 4));
    TnObject *order = tn_str_from_cstr("little");
    TnObject *targs[2] = {len, order};
    TnObject *bytes = len != NULL && order != NULL ? tn_call_method_cstr(n, "to_bytes", targs, 2) : NULL;
    tn_xdecref(len);
    tn_xdecref(order);
    if (bytes == NULL)
        return NULL;
    uint32_t *key = tn_mem_alloc(words * sizeof(uint32_t));
    if (key == NULL) {
        tn_decref(bytes);
        tn_err_no_memory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)tn_bytes_data(bytes);
    for (size_t w = 0; w < words; w++)
        key[w] = (uint32_t)p[4 * w] | (uint32_t)p[4 * w + 1] << 8 | (uint32_t)p[4 * w + 2] << 16
                 | (uint32_t)p[4 * w + 3] << 24;
    tn_decref(bytes);
    *count = words;
    return key;
}

/* The int a seed stands for: abs() of an int (int's own, not a
 * subclass's __abs__), the hash of anything else (as an unsigned word). */
static TnObject *seed_int(TnObject *arg)
{
    if (tn_int_check(arg))
        return tn_type_int.as_number->absolute(arg);
    tn_hash_t h = tn_object_hash(arg);
    if (h == -1 && tn_err_occurred() != NULL)
        return NULL;
    TnObject *v = tn_int_from_i64((int64_t)h);
    if (v == NULL || h >= 0)
        return v;
    /* (size_t)hash: add 2**64. */
    TnObject *two64 = tn_int_from_string("18446744073709551616", 20, 10);
    TnObject *r = two64 != NULL ? tn_number_binop(v, two64, TN_OP_ADD) : NULL;
    tn_xdecref(two64);
    tn_decref(v);
    return r;
}

/* Seed from arg (NULL or None: the system).  The new state is computed
 * first and copied in under the section.  0 / -1. */
static int random_seed(RandomObject *self, TnObject *arg)
{
    RandomObject fresh;
    if (arg == NULL || arg == TN_NONE) {
        seed_from_system(&fresh);
    } else {
        TnObject *n = seed_int(arg);
        if (n == NULL)
            return -1;
        size_t count;
        uint32_t *key = int_words(n, &count);
        tn_decref(n);
        if (key == NULL)
            return -1;
        init_by_array(&fresh, key, count);
        tn_mem_free(key);
    }
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(self));
    memcpy(self->state, fresh.state, sizeof self->state);
    self->index = fresh.index;
    TN_END_CRITICAL_SECTION();
    return 0;
}

/* ---- methods ---- */

static double random_double_lock_held(RandomObject *self)
{
    uint32_t a = genrand_uint32(self) >> 5, b = genrand_uint32(self) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

static TnObject *random_random(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("Random.random", kwnames) < 0 || tn_args_count("Random.random", nargs, 0, 0) < 0)
        return NULL;
    double r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = random_double_lock_held((RandomObject *)self);
    TN_END_CRITICAL_SECTION();
    return tn_float_from_double(r);
}

static TnObject *random_seed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("seed", kwnames) < 0 || tn_args_count("seed", nargs, 0, 1) < 0 ||
        random_seed((RandomObject *)self, nargs > 0 ? args[0] : NULL) < 0)
        return NULL;
    return tn_none_ref();
}

/* Fill words[0..n) with draws, the first word the least significant. */
static void random_words_lock_held(RandomObject *self, uint32_t *words, size_t n, int k)
{
    for (size_t i = 0; i < n; i++, k -= 32) {
        uint32_t r = genrand_uint32(self);
        if (k < 32)
            r >>= (32 - k);   /* drop the least significant bits */
        words[i] = r;
    }
}

static TnObject *random_getrandbits(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("Random.getrandbits", kwnames) < 0 || tn_args_count("Random.getrandbits", nargs, 1, 1) < 0)
        return NULL;
    int k;
    if (tn_number_as_c_int(args[0], &k) < 0)
        return NULL;
    if (k < 0)
        return tn_err_format(&tn_exc_ValueError, "number of bits must be non-negative");
    if (k == 0)
        return tn_int_from_i64(0);
    size_t n = ((size_t)k - 1) / 32 + 1;
    uint32_t *words = tn_mem_alloc(n * sizeof(uint32_t));
    if (words == NULL)
        return tn_err_no_memory();
    TN_BEGIN_CRITICAL_SECTION(self);
    random_words_lock_held((RandomObject *)self, words, n, k);
    TN_END_CRITICAL_SECTION();
    unsigned char *bytes = tn_mem_alloc(n * 4);
    TnObject *res = NULL;
    if (bytes != NULL) {
        for (size_t i = 0; i < n; i++) {
            bytes[4 * i] = (unsigned char)words[i];
            bytes[4 * i + 1] = (unsigned char)(words[i] >> 8);
            bytes[4 * i + 2] = (unsigned char)(words[i] >> 16);
            bytes[4 * i + 3] = (unsigned char)(words[i] >> 24);
        }
        TnObject *b = tn_bytes_from_data((const char *)bytes, (tn_ssize_t)(n * 4));
        TnObject *order = tn_str_from_cstr("little");
        TnObject *fargs[2] = {b, order};
        res = b != NULL && order != NULL ? tn_call_method_cstr(TN_OBJ(&tn_type_int), "from_bytes", fargs, 2) : NULL;
        tn_xdecref(b);
        tn_xdecref(order);
        tn_mem_free(bytes);
    } else {
        tn_err_no_memory();
    }
    tn_mem_free(words);
    return res;
}

static void random_copy_state_lock_held(RandomObject *self, uint32_t *state, int *index)
{
    memcpy(state, self->state, sizeof self->state);
    *index = self->index;
}

static TnObject *random_getstate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("Random.getstate", kwnames) < 0 || tn_args_count("Random.getstate", nargs, 0, 0) < 0)
        return NULL;
    uint32_t state[MT_N];
    int index;
    TN_BEGIN_CRITICAL_SECTION(self);
    random_copy_state_lock_held((RandomObject *)self, state, &index);
    TN_END_CRITICAL_SECTION();
    TnObject *t = tn_tuple_new(MT_N + 1);
    if (t == NULL)
        return NULL;
    for (int i = 0; i <= MT_N; i++) {
        TnObject *v = tn_int_from_i64(i < MT_N ? (int64_t)state[i] : (int64_t)index);
        if (v == NULL) {
            for (int j = i; j <= MT_N; j++)
                tn_tuple_set_steal(t, j, tn_none_ref());
            tn_decref(t);
            return NULL;
        }
        tn_tuple_set_steal(t, i, v);
    }
    return t;
}

/* CPython's PyLong_AsUnsignedLong for a state word.  0 / -1. */
static int state_word(TnObject *v, uint32_t *out)
{
    if (!tn_int_check(v)) {
        tn_err_format(&tn_exc_TypeError, "an integer is required");
        return -1;
    }
    if (tn_int_sign(v) < 0) {
        tn_err_format(&tn_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int overflow = 0;
    int64_t x = tn_int_as_i64(v, &overflow);
    if (overflow) {
        /* Between 2**63 and 2**64 the low word still counts. */
        TnObject *mask = tn_int_from_i64(0xffffffff);
        TnObject *low = mask != NULL ? tn_number_binop(v, mask, TN_OP_BITAND) : NULL;
        tn_xdecref(mask);
        if (low == NULL)
            return -1;
        x = tn_int_as_i64(low, &overflow);
        tn_decref(low);
        if (tn_int_as_double(v) >= 18446744073709551616.0) {
            tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C unsigned long");
            return -1;
        }
    }
    *out = (uint32_t)x;
    return 0;
}

static void random_set_state_lock_held(RandomObject *self, const uint32_t *state, int index)
{
    memcpy(self->state, state, sizeof self->state);
    self->index = index;
}

static TnObject *random_setstate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("Random.setstate", kwnames) < 0 || tn_args_count("Random.setstate", nargs, 1, 1) < 0)
        return NULL;
    TnObject *st = args[0];
    if (!tn_tuple_check(st))
        return tn_err_format(&tn_exc_TypeError, "state vector must be a tuple");
    if (tn_tuple_size(st) != MT_N + 1)
        return tn_err_format(&tn_exc_ValueError, "state vector is the wrong size");
    uint32_t state[MT_N];
    for (int i = 0; i < MT_N; i++)
        if (state_word(tn_tuple_get(st, i), &state[i]) < 0)
            return NULL;
    TnObject *idx = tn_number_index(tn_tuple_get(st, MT_N));
    if (idx == NULL)
        return NULL;
    int overflow = 0;
    int64_t index = tn_int_as_i64(idx, &overflow);
    tn_decref(idx);
    if (overflow || index < 0 || index > MT_N)
        return tn_err_format(&tn_exc_ValueError, "invalid state");
    TN_BEGIN_CRITICAL_SECTION(self);
    random_set_state_lock_held((RandomObject *)self, state, (int)index);
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

/* Random.__init__(self, seed=None): CPython's random_init (its tp_init). */
static int random_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_type(self) == &random_type && tn_args_no_kw("Random", kwnames) < 0)
        return -1;
    if (nargs > 1) {
        tn_err_format(&tn_exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed((RandomObject *)self, nargs > 0 ? args[0] : NULL);
}

static TnObject *random_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (random_init(self, args, nargs, kwnames) < 0)
        return NULL;
    return tn_none_ref();
}

/* Random(seed=None) is seeded here; an instance of a subclass starts with
 * the all-zero state and is seeded by __init__ (Random's, unless the
 * subclass's own skips it), as CPython's generic __new__ and tp_init. */
static TnObject *random_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *self = tn_object_new(type, (size_t)type->basicsize);
    if (self != NULL && type == &random_type && random_init(self, args, nargs, kwnames) < 0)
        TN_CLEAR(self);
    return self;
}

static void random_dealloc(TnObject *self)
{
    tn_object_free(self);
}

static const TnMethodDef random_methods[] = {
    {"__init__", random_init_meth, 0, NULL},
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed_meth, 0, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\n"
                                  "of the current time and the process identifier."},
    {"getstate", random_getstate, 0, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, 0, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, 0, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static TnType random_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_random.Random",
    .basicsize = sizeof(RandomObject),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = random_dealloc,
    .getattro = tn_object_generic_getattr,
    .new_ = random_new,
    .methods = random_methods,
    .doc = "Random() -> create a random number generator with its own internal state.",
};

TnObject *tn_random_module_create(void)
{
    if (tn_type_ready(&random_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_random");
    if (m == NULL || tn_module_add_object(m, "Random", TN_OBJ(&random_type)) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
