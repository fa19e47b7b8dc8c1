/* core/compiler/dis.c — the disassembler: CPython dis's layout, with
 * instruction indexes instead of byte offsets. */
#include <stdio.h>
#include <string.h>
#include "core/tn.h"
#include "core/compiler/opcodes.h"
#include "core/compiler/dis.h"

static const char *const cmp_ops[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const binop_syms[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
};
static const char *const fv_names[] = {"", "str", "repr", "ascii"};
static const char *const mf_names[] = {"defaults", "kwdefaults", "annotations", "closure"};

/* Append the repr of obj (clearing any error) to buf. */
static void put_repr(char *buf, size_t size, TnObject *obj)
{
    size_t len = strlen(buf);
    TnObject *r = tn_object_repr(obj);
    const char *s = r ? tn_str_utf8(r, NULL) : NULL;
    if (s == NULL) {
        tn_err_clear();
        s = "<?>";
    }
    snprintf(buf + len, size - len, "%s", s);
    tn_xdecref(r);
}

static void put_str(char *buf, size_t size, TnObject *str)
{
    size_t len = strlen(buf);
    const char *s = tn_str_check(str) ? tn_str_utf8(str, NULL) : NULL;
    if (s == NULL) {
        tn_err_clear();
        s = "<?>";
    }
    snprintf(buf + len, size - len, "%s", s);
}

/* The text in parentheses after the argument (may stay empty). */
static void arg_repr(TnCode *co, unsigned op, unsigned arg, char *buf, size_t size)
{
    unsigned flags = tn_opcode_flags[op];
    buf[0] = '\0';
    if (flags & TN_OPF_CONST) {
        if (arg < (unsigned)tn_tuple_size(co->consts))
            put_repr(buf, size, tn_tuple_get(co->consts, arg));
    } else if (flags & TN_OPF_NAME) {
        unsigned idx = arg;
        if (op == TN_LOAD_GLOBAL || op == TN_LOAD_ATTR) {
            idx = arg >> 1;
            if (arg & 1)
                snprintf(buf, size, "%s", op == TN_LOAD_GLOBAL ? "NULL + " : "NULL|self + ");
        }
        if (idx < (unsigned)tn_tuple_size(co->names))
            put_str(buf, size, tn_tuple_get(co->names, idx));
    } else if (flags & TN_OPF_JUMP) {
        snprintf(buf, size, "to %u", arg);
    } else if (flags & TN_OPF_LOCAL) {
        if (arg < (unsigned)co->nlocalsplus)
            put_str(buf, size, tn_tuple_get(co->localsplusnames, arg));
    } else if (op == TN_COMPARE_OP) {
        if (arg < 6)
            snprintf(buf, size, "%s", cmp_ops[arg]);
    } else if (op == TN_BINARY_OP) {
        if (arg < 13)
            snprintf(buf, size, "%s", binop_syms[arg]);
        else if (arg < 26)
            snprintf(buf, size, "%s=", binop_syms[arg - 13]);
    } else if (op == TN_FORMAT_VALUE) {
        snprintf(buf, size, "%s%s%s", fv_names[arg & 3], (arg & 3) && (arg & 4) ? ", " : "",
                 (arg & 4) ? "with format" : "");
    } else if (op == TN_MAKE_FUNCTION) {
        for (int i = 0; i < 4; i++) {
            if (arg & (1u << i)) {
                size_t len = strlen(buf);
                snprintf(buf + len, size - len, "%s%s", len ? ", " : "", mf_names[i]);
            }
        }
    }
}

static bool is_jump_target(TnCode *co, tn_ssize_t i)
{
    for (tn_ssize_t k = 0; k < co->ninstr; k++) {
        unsigned op = TN_OP(co->instr[k]);
        if (op < TN_OPCODE_COUNT && (tn_opcode_flags[op] & TN_OPF_JUMP)
            && (tn_ssize_t)TN_ARG(co->instr[k]) == i)
            return true;
    }
    for (int k = 0; k < co->nexctable; k++)
        if (co->exctable[k].target == i)
            return true;
    return false;
}

static void dump_one(TnCode *co, FILE *out)
{
    int maxline = 0, lastline = -1;
    for (tn_ssize_t i = 0; co->positions && i < co->ninstr; i++)
        if (co->positions[i].lineno > maxline)
            maxline = co->positions[i].lineno;
    int lw = 3;
    if (maxline >= 1000)
        lw = snprintf(NULL, 0, "%d", maxline);
    int ow = co->ninstr - 1 >= 10000 ? snprintf(NULL, 0, "%ld", (long)(co->ninstr - 1)) : 4;
    for (tn_ssize_t i = 0; i < co->ninstr; i++) {
        unsigned op = TN_OP(co->instr[i]), arg = TN_ARG(co->instr[i]);
        int line = co->positions ? co->positions[i].lineno : -1;
        char lbuf[32], abuf[512], linebuf[800];
        bool starts = line >= 0 && line != lastline;
        if (starts) {
            if (i > 0)
                fputc('\n', out);
            lastline = line;
            snprintf(lbuf, sizeof(lbuf), "%*d", lw, line);
        } else {
            snprintf(lbuf, sizeof(lbuf), "%*s", lw, "");
        }
        const char *name = op < TN_OPCODE_COUNT ? tn_opcode_names[op] : "<unknown>";
        int n = snprintf(linebuf, sizeof(linebuf), "%s     %s %*ld %-20s", lbuf,
                         is_jump_target(co, i) ? ">>" : "  ", ow, (long)i, name);
        if (op < TN_OPCODE_COUNT && (tn_opcode_flags[op] & TN_OPF_ARG)) {
            arg_repr(co, op, arg, abuf, sizeof(abuf));
            if (abuf[0])
                snprintf(linebuf + n, sizeof(linebuf) - (size_t)n, " %5u (%s)", arg, abuf);
            else
                snprintf(linebuf + n, sizeof(linebuf) - (size_t)n, " %5u", arg);
        }
        size_t len = strlen(linebuf);
        while (len > 0 && linebuf[len - 1] == ' ')
            linebuf[--len] = '\0';
        fprintf(out, "%s\n", linebuf);
    }
    if (co->nexctable > 0) {
        fprintf(out, "ExceptionTable:\n");
        for (int k = 0; k < co->nexctable; k++) {
            const TnExcEntry *e = &co->exctable[k];
            fprintf(out, "  %d to %d -> %d [%d]%s\n", (int)e->start, (int)e->end - 1,
                    (int)e->target, (int)e->depth, e->lasti ? " lasti" : "");
        }
    }
}

void tn_code_dump(TnObject *code, FILE *out)
{
    if (code == NULL || !tn_code_check(code)) {
        fprintf(out, "<not a code object>\n");
        return;
    }
    TnCode *co = (TnCode *)code;
    dump_one(co, out);
    for (tn_ssize_t i = 0; i < tn_tuple_size(co->consts); i++) {
        TnObject *c = tn_tuple_get(co->consts, i);
        if (!tn_code_check(c))
            continue;
        char buf[512] = "";
        put_repr(buf, sizeof(buf), c);
        fprintf(out, "\nDisassembly of %s:\n", buf);
        tn_code_dump(c, out);
    }
}
