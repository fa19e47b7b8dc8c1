/* core/compiler/compile_stmt.c — compiling statements (see compile.c for
 * the bytecode patterns, including the exception-handling sequences). */
#include <string.h>
#include "core/compiler/compile_internal.h"

/* ==================================================================== */
/* Unwinding frame blocks (return / break / continue)                    */
/* ==================================================================== */

static int emit_none_store_del(TnCompiler *c, TnObject *name)
{
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    TN_TRY(tn_comp_nameop(c, name, TN_CTX_STORE));
    return tn_comp_nameop(c, name, TN_CTX_DEL);
}

/* [exit] -> LOAD_CONST None x3; CALL 2 -> [exit(None, None, None)]: the
 * middle None sits in the self slot, so exit gets three arguments. */
static int call_exit_with_nones(TnCompiler *c)
{
    for (int i = 0; i < 3; i++)
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    return tn_comp_emit(c, TN_CALL, 2);
}

/* Emit what leaving block fb early needs.  preserve_tos: a value (the
 * return value) sits on top of the stack and must stay there. */
static int unwind_fblock(TnCompiler *c, TnFBlock *fb, bool preserve_tos)
{
    switch (fb->type) {
    case TN_FB_WHILE_LOOP:
    case TN_FB_EXCEPTION_HANDLER:
    case TN_FB_EXCEPTION_GROUP_HANDLER:
        return 0;
    case TN_FB_FOR_LOOP:
        /* Pop the iterator. */
        if (preserve_tos)
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        return tn_comp_emit(c, TN_POP_TOP, 0);
    case TN_FB_TRY_EXCEPT:
        tn_comp_pop_handler(c);
        return 0;
    case TN_FB_FINALLY_TRY: {
        /* Run the finally body inline. */
        tn_comp_pop_handler(c);
        TnAstLoc old = c->u->loc;
        if (preserve_tos)
            TN_TRY(tn_comp_push_fblock(c, TN_FB_POP_VALUE, -1, -1, NULL));
        TN_TRY(tn_comp_stmts(c, fb->datum));
        if (preserve_tos)
            tn_comp_pop_fblock(c);
        c->u->loc = old;
        return 0;
    }
    case TN_FB_FINALLY_END:
        if (preserve_tos)
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));   /* the exception */
        if (preserve_tos)
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        tn_comp_pop_handler(c);
        return tn_comp_emit(c, TN_POP_EXCEPT, 0);
    case TN_FB_HANDLER_CLEANUP:
        if (fb->datum)
            tn_comp_pop_handler(c);
        if (preserve_tos)
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        tn_comp_pop_handler(c);
        TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
        return fb->datum ? emit_none_store_del(c, fb->datum) : 0;
    case TN_FB_POP_VALUE:
        if (preserve_tos)
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        return tn_comp_emit(c, TN_POP_TOP, 0);
    case TN_FB_WITH:
    case TN_FB_ASYNC_WITH: {
        /* Call exit(None, None, None) at the with statement's location
         * (async with: and await its result). */
        TnAstLoc old = c->u->loc;
        c->u->loc = fb->loc;
        tn_comp_pop_handler(c);
        if (preserve_tos)
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        TN_TRY(call_exit_with_nones(c));
        if (fb->type == TN_FB_ASYNC_WITH)
            TN_TRY(tn_comp_emit_await(c, 2));
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
        c->u->loc = old;
        return 0;
    }
    }
    return 0;
}

/* Unwind every block up to the innermost loop (if loop != NULL; *loop then
 * points at it, or stays NULL if there is none) or all of them. */
static int unwind_fblock_stack(TnCompiler *c, bool preserve_tos, TnFBlock **loop)
{
    TnUnit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    TnFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == TN_FB_EXCEPTION_GROUP_HANDLER)
        return tn_comp_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop != NULL && (top->type == TN_FB_WHILE_LOOP || top->type == TN_FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    TnFBlock copy = *top;
    u->nfblocks--;
    int r = unwind_fblock(c, &copy, preserve_tos);
    if (r == 0)
        r = unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

static int compile_return(TnCompiler *c, TnStmt *s)
{
    TnExpr *value = s->v.return_.value;
    bool preserve_tos = value != NULL && value->kind != TN_EXPR_CONSTANT;
    if (c->u->ste->type != TN_BLOCK_FUNCTION)
        return tn_comp_error(c, "'return' outside function");
    if (value != NULL && c->u->ste->coroutine && c->u->ste->generator)
        return tn_comp_error(c, "'return' with value in async generator");
    int saved = c->u->cur_handler;
    if (preserve_tos)
        TN_TRY(tn_comp_expr(c, value));
    else if (value != NULL)
        c->u->loc = value->loc;   /* CPython: a constant's location (errors below point at it) */
    TN_TRY(unwind_fblock_stack(c, preserve_tos, NULL));
    if (value == NULL)
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    else if (!preserve_tos)
        TN_TRY(tn_comp_emit_const(c, value->v.constant.value));
    TN_TRY(tn_comp_emit(c, TN_RETURN_VALUE, 0));
    c->u->cur_handler = saved;
    return 0;
}

static int compile_break_continue(TnCompiler *c, bool is_break)
{
    TnFBlock *loop = NULL;
    int saved = c->u->cur_handler;
    TN_TRY(unwind_fblock_stack(c, false, &loop));
    if (loop == NULL)
        return tn_comp_error(c, is_break ? "'break' outside loop"
                                         : "'continue' not properly in loop");
    if (is_break) {
        TN_TRY(unwind_fblock(c, loop, false));
        TN_TRY(tn_comp_emit_goto(c, loop->exit));
    } else {
        TN_TRY(tn_comp_emit_goto(c, loop->block));
    }
    c->u->cur_handler = saved;
    return 0;
}

/* ==================================================================== */
/* Functions                                                             */
/* ==================================================================== */

static int compile_function(TnCompiler *c, TnStmt *s)
{
    TnArguments *args = s->v.functiondef.args;
    TnAstSeq *decos = s->v.functiondef.decorator_list;
    TnAstSeq *body = s->v.functiondef.body;
    tn_ssize_t ndecos = tn_ast_seq_len(decos);
    for (tn_ssize_t i = 0; i < ndecos; i++)
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(decos, i)));
    int firstlineno = s->loc.lineno;
    if (ndecos > 0)
        firstlineno = ((TnExpr *)TN_SEQ_GET(decos, 0))->loc.lineno;
    int flags = tn_comp_default_arguments(c, args);
    TN_TRY(flags);
    int has_ann = tn_comp_function_annotations(c, args, s->v.functiondef.returns);
    TN_TRY(has_ann);
    if (has_ann)
        flags |= 4;
    TN_TRY(tn_comp_enter_scope(c, s->v.functiondef.name,
                               s->kind == TN_STMT_ASYNCFUNCTIONDEF ? TN_UNIT_ASYNC_FUNCTION : TN_UNIT_FUNCTION,
                               s, firstlineno));
    TnObject *doc = tn_comp_docstring(body);
    TN_TRY(tn_comp_add_const(c, doc ? doc : TN_NONE));
    tn_comp_set_arg_counts(c, args);
    for (tn_ssize_t i = doc ? 1 : 0; i < tn_ast_seq_len(body); i++)
        TN_TRY(tn_comp_stmt(c, TN_SEQ_GET(body, i)));
    TnObject *co = tn_comp_assemble(c, true);
    tn_comp_exit_scope(c);
    if (co == NULL)
        return -1;
    int r = tn_comp_make_closure(c, co, flags);
    tn_decref(co);
    TN_TRY(r);
    /* Each decorator (pushed first) is called with the function as "self". */
    TnAstLoc old = c->u->loc;
    for (tn_ssize_t i = ndecos - 1; i >= 0; i--) {
        c->u->loc = ((TnExpr *)TN_SEQ_GET(decos, i))->loc;
        TN_TRY(tn_comp_emit(c, TN_CALL, 0));
    }
    c->u->loc = old;
    return tn_comp_nameop(c, s->v.functiondef.name, TN_CTX_STORE);
}

/* ==================================================================== */
/* Classes                                                               */
/* ==================================================================== */

static bool find_ann(TnAstSeq *stmts);

/* A module or class body: [SETUP_ANNOTATIONS], the docstring stored as
 * __doc__ (if docstring), then the statements (CPython's compiler_body). */
static int compile_body(TnCompiler *c, TnAstSeq *body, bool docstring)
{
    tn_ssize_t i = 0;
    if (find_ann(body))
        TN_TRY(tn_comp_emit(c, TN_SETUP_ANNOTATIONS, 0));
    if (docstring && tn_comp_docstring(body) != NULL) {
        TnStmt *st = TN_SEQ_GET(body, 0);
        c->u->loc = st->loc;
        TN_TRY(tn_comp_expr(c, st->v.expr.value));
        TnObject *doc = tn_str_intern_cstr("__doc__");
        if (doc == NULL || tn_comp_nameop(c, doc, TN_CTX_STORE) < 0)
            return -1;
        i = 1;
    }
    for (; i < tn_ast_seq_len(body); i++)
        TN_TRY(tn_comp_stmt(c, TN_SEQ_GET(body, i)));
    return 0;
}

/* The class body's code object (new reference), see compile.c. */
static TnObject *class_body_code(TnCompiler *c, TnStmt *s, int firstlineno)
{
    TnObject *name = s->v.classdef.name;
    TnObject *module = tn_str_intern_cstr("__module__");
    TnObject *dunder_name = tn_str_intern_cstr("__name__");
    TnObject *qualname = tn_str_intern_cstr("__qualname__");
    TnObject *classcell = tn_str_intern_cstr("__classcell__");
    TnObject *class_ = tn_str_intern_cstr("__class__");
    if (module == NULL || dunder_name == NULL || qualname == NULL || classcell == NULL
        || class_ == NULL)
        return NULL;
    if (tn_comp_enter_scope(c, name, TN_UNIT_CLASS, s, firstlineno) < 0)
        return NULL;
    TnUnit *u = c->u;
    u->private_name = name;
    if (tn_comp_nameop(c, dunder_name, TN_CTX_LOAD) < 0
        || tn_comp_nameop(c, module, TN_CTX_STORE) < 0
        || tn_comp_emit_const(c, u->qualname) < 0
        || tn_comp_nameop(c, qualname, TN_CTX_STORE) < 0
        || compile_body(c, s->v.classdef.body, true) < 0)
        return NULL;
    TnAstLoc none = {-1, -1, -1, -1};
    u->loc = none;
    if (u->ste->needs_class_closure) {
        tn_ssize_t i = tn_namemap_find(&u->cellvars, class_);
        if (i < 0) {
            tn_err_set_str(&tn_exc_SystemError, "compiler: no __class__ cell");
            return NULL;
        }
        if (tn_comp_emit_k(c, TN_LOAD_CLOSURE, (int)i, TN_ARGK_CELL) < 0
            || tn_comp_emit(c, TN_COPY, 1) < 0
            || tn_comp_nameop(c, classcell, TN_CTX_STORE) < 0)
            return NULL;
    } else if (tn_comp_emit_const(c, TN_NONE) < 0) {
        return NULL;
    }
    if (tn_comp_emit(c, TN_RETURN_VALUE, 0) < 0)
        return NULL;
    return tn_comp_assemble(c, true);
}

static int compile_class(TnCompiler *c, TnStmt *s)
{
    TnAstSeq *decos = s->v.classdef.decorator_list;
    tn_ssize_t ndecos = tn_ast_seq_len(decos);
    for (tn_ssize_t i = 0; i < ndecos; i++)
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(decos, i)));
    int firstlineno = s->loc.lineno;
    if (ndecos > 0)
        firstlineno = ((TnExpr *)TN_SEQ_GET(decos, 0))->loc.lineno;
    /* On error the unit stays pushed: the entry point pops every unit. */
    TnObject *co = class_body_code(c, s, firstlineno);
    if (co == NULL)
        return -1;
    tn_comp_exit_scope(c);
    /* __build_class__(func, name, *bases, **keywords) */
    c->u->loc = s->loc;
    int r = tn_comp_emit(c, TN_LOAD_BUILD_CLASS, 0);
    if (r == 0)
        r = tn_comp_emit(c, TN_PUSH_NULL, 0);
    if (r == 0)
        r = tn_comp_make_closure(c, co, 0);
    tn_decref(co);
    TN_TRY(r);
    TN_TRY(tn_comp_emit_const(c, s->v.classdef.name));
    TN_TRY(tn_comp_call_helper(c, 2, s->v.classdef.bases, s->v.classdef.keywords));
    TnAstLoc old = c->u->loc;
    for (tn_ssize_t i = ndecos - 1; i >= 0; i--) {
        c->u->loc = ((TnExpr *)TN_SEQ_GET(decos, i))->loc;
        TN_TRY(tn_comp_emit(c, TN_CALL, 0));
    }
    c->u->loc = old;
    return tn_comp_nameop(c, s->v.classdef.name, TN_CTX_STORE);
}

/* ==================================================================== */
/* with                                                                  */
/* ==================================================================== */

/* Items [pos..] of a with statement, then its body (CPython's compiler_with). */
static int compile_with_items(TnCompiler *c, TnStmt *s, tn_ssize_t pos)
{
    TnWithItem *item = TN_SEQ_GET(s->v.with.items, pos);
    int final = tn_comp_new_label(c), exit = tn_comp_new_label(c);
    int cleanup = tn_comp_new_label(c), suppress = tn_comp_new_label(c);
    TN_TRY(final);
    TN_TRY(exit);
    TN_TRY(cleanup);
    TN_TRY(suppress);
    bool is_async = s->kind == TN_STMT_ASYNCWITH;
    c->u->loc = s->loc;
    TN_TRY(tn_comp_expr(c, item->context_expr));
    if (is_async) {
        TN_TRY(tn_comp_emit(c, TN_BEFORE_ASYNC_WITH, 0));
        TN_TRY(tn_comp_emit_await(c, 1));
    } else {
        TN_TRY(tn_comp_emit(c, TN_BEFORE_WITH, 0));
    }
    /* [exit, enter_result]: the handler keeps only exit. */
    int h = tn_comp_setup_handler_adj(c, final, 1, -1);
    TN_TRY(h);
    TN_TRY(tn_comp_push_fblock(c, is_async ? TN_FB_ASYNC_WITH : TN_FB_WITH, -1, -1, s));
    if (item->optional_vars != NULL)
        TN_TRY(tn_comp_expr(c, item->optional_vars));
    else
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    if (pos + 1 < tn_ast_seq_len(s->v.with.items))
        TN_TRY(compile_with_items(c, s, pos + 1));
    else
        TN_TRY(tn_comp_stmts(c, s->v.with.body));
    tn_comp_pop_fblock(c);
    tn_comp_pop_handler(c);
    /* Normal exit: exit(None, None, None). */
    c->u->loc = s->loc;
    TN_TRY(call_exit_with_nones(c));
    if (is_async)
        TN_TRY(tn_comp_emit_await(c, 2));
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    TN_TRY(tn_comp_emit_goto(c, exit));
    /* Exceptional exit: [exit, lasti, exc]. */
    tn_comp_bind_handler(c, h);
    int outer = c->u->cur_handler;
    int hc = tn_comp_setup_handler(c, cleanup, 1);
    TN_TRY(hc);
    TN_TRY(tn_comp_emit(c, TN_PUSH_EXC_INFO, 0));
    TN_TRY(tn_comp_emit(c, TN_WITH_EXCEPT_START, 0));
    if (is_async)
        TN_TRY(tn_comp_emit_await(c, 2));
    TN_TRY(tn_comp_emit_jump(c, TN_POP_JUMP_IF_TRUE, suppress));
    TN_TRY(tn_comp_emit(c, TN_RERAISE, 2));
    tn_comp_bind_handler(c, hc);
    TN_TRY(tn_comp_emit(c, TN_COPY, 3));
    TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
    TN_TRY(tn_comp_emit(c, TN_RERAISE, 1));
    /* Suppressed: [exit, lasti, prev_exc, exc] -> []. */
    tn_comp_bind_label(c, suppress);
    c->u->cur_handler = hc;
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    c->u->cur_handler = outer;
    TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    tn_comp_bind_label(c, exit);
    return 0;
}

static int compile_with(TnCompiler *c, TnStmt *s)
{
    if (s->kind == TN_STMT_ASYNCWITH && c->u->type != TN_UNIT_ASYNC_FUNCTION)
        return tn_comp_error(c, "'async with' outside async function");
    return compile_with_items(c, s, 0);
}

/* ==================================================================== */
/* Assignments                                                           */
/* ==================================================================== */

static int compile_assign(TnCompiler *c, TnStmt *s)
{
    TnAstSeq *targets = s->v.assign.targets;
    tn_ssize_t n = tn_ast_seq_len(targets);
    TN_TRY(tn_comp_expr(c, s->v.assign.value));
    for (tn_ssize_t i = 0; i < n; i++) {
        if (i < n - 1)
            TN_TRY(tn_comp_emit(c, TN_COPY, 1));
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(targets, i)));
    }
    return 0;
}

static int compile_augassign(TnCompiler *c, TnStmt *s)
{
    TnExpr *e = s->v.augassign.target;
    TnAstLoc stmt_loc = c->u->loc;
    c->u->loc = e->loc;
    switch (e->kind) {
    case TN_EXPR_ATTRIBUTE:
        TN_TRY(tn_comp_expr(c, e->v.attribute.value));
        TN_TRY(tn_comp_emit(c, TN_COPY, 1));
        TN_TRY(tn_comp_emit_name_bit(c, TN_LOAD_ATTR, e->v.attribute.attr, 0));
        break;
    case TN_EXPR_SUBSCRIPT:
        TN_TRY(tn_comp_expr(c, e->v.subscript.value));
        TN_TRY(tn_comp_expr(c, e->v.subscript.slice));
        TN_TRY(tn_comp_emit(c, TN_COPY, 2));
        TN_TRY(tn_comp_emit(c, TN_COPY, 2));
        TN_TRY(tn_comp_emit(c, TN_BINARY_SUBSCR, 0));
        break;
    case TN_EXPR_NAME:
        TN_TRY(tn_comp_nameop(c, e->v.name.id, TN_CTX_LOAD));
        break;
    default:
        tn_err_format(&tn_exc_SystemError, "invalid node type (%d) for augmented assignment",
                      (int)e->kind);
        return -1;
    }
    c->u->loc = stmt_loc;
    TN_TRY(tn_comp_expr(c, s->v.augassign.value));
    TN_TRY(tn_comp_emit(c, TN_BINARY_OP, (int)s->v.augassign.op + TN_OP_INPLACE_OFFSET));
    c->u->loc = e->loc;
    int r;
    switch (e->kind) {
    case TN_EXPR_ATTRIBUTE:
        r = tn_comp_emit(c, TN_SWAP, 2);
        if (r == 0)
            r = tn_comp_emit_name(c, TN_STORE_ATTR, e->v.attribute.attr);
        break;
    case TN_EXPR_SUBSCRIPT:
        r = tn_comp_emit(c, TN_SWAP, 3);
        if (r == 0)
            r = tn_comp_emit(c, TN_SWAP, 2);
        if (r == 0)
            r = tn_comp_emit(c, TN_STORE_SUBSCR, 0);
        break;
    default:
        r = tn_comp_nameop(c, e->v.name.id, TN_CTX_STORE);
        break;
    }
    c->u->loc = stmt_loc;
    return r;
}

/* Evaluate an expression for its side effects only. */
static int check_ann_expr(TnCompiler *c, TnExpr *e)
{
    TN_TRY(tn_comp_expr(c, e));
    return tn_comp_emit(c, TN_POP_TOP, 0);
}

static int compile_annassign(TnCompiler *c, TnStmt *s)
{
    TnExpr *targ = s->v.annassign.target;
    bool module_or_class = c->u->type == TN_UNIT_MODULE || c->u->type == TN_UNIT_CLASS;
    if (s->v.annassign.value) {
        TN_TRY(tn_comp_expr(c, s->v.annassign.value));
        TN_TRY(tn_comp_expr(c, targ));
    }
    switch (targ->kind) {
    case TN_EXPR_NAME:
        if (s->v.annassign.simple && module_or_class) {
            TnObject *ann = tn_str_intern_cstr("__annotations__");
            if (ann == NULL)
                return -1;
            TN_TRY(tn_comp_annotation(c, s->v.annassign.annotation));
            TN_TRY(tn_comp_emit_name(c, TN_LOAD_NAME, ann));
            TnObject *key = tn_comp_mangle(c, targ->v.name.id);
            if (key == NULL)
                return -1;
            TN_TRY(tn_comp_emit_const(c, key));
            TN_TRY(tn_comp_emit(c, TN_STORE_SUBSCR, 0));
        }
        break;
    case TN_EXPR_ATTRIBUTE:
        if (!s->v.annassign.value)
            TN_TRY(check_ann_expr(c, targ->v.attribute.value));
        break;
    case TN_EXPR_SUBSCRIPT:
        if (!s->v.annassign.value) {
            TN_TRY(check_ann_expr(c, targ->v.subscript.value));
            TN_TRY(check_ann_expr(c, targ->v.subscript.slice));
        }
        break;
    default:
        tn_err_format(&tn_exc_SystemError, "invalid node type (%d) for annotated assignment",
                      (int)targ->kind);
        return -1;
    }
    /* Complex targets' annotations are evaluated (not stored) in modules
     * and classes, and not at all under the annotations future. */
    if (!s->v.annassign.simple && module_or_class && !c->future_annotations)
        TN_TRY(check_ann_expr(c, s->v.annassign.annotation));
    return 0;
}

/* Does a module body contain an annotated assignment (CPython's find_ann)? */
static bool find_ann(TnAstSeq *stmts)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(stmts); i++) {
        TnStmt *st = TN_SEQ_GET(stmts, i);
        bool res = false;
        switch (st->kind) {
        case TN_STMT_ANNASSIGN:
            return true;
        case TN_STMT_FOR:
        case TN_STMT_ASYNCFOR:
            res = find_ann(st->v.for_.body) || find_ann(st->v.for_.orelse);
            break;
        case TN_STMT_WHILE:
            res = find_ann(st->v.while_.body) || find_ann(st->v.while_.orelse);
            break;
        case TN_STMT_IF:
            res = find_ann(st->v.if_.body) || find_ann(st->v.if_.orelse);
            break;
        case TN_STMT_WITH:
        case TN_STMT_ASYNCWITH:
            res = find_ann(st->v.with.body);
            break;
        case TN_STMT_TRY:
        case TN_STMT_TRYSTAR:
            for (tn_ssize_t j = 0; j < tn_ast_seq_len(st->v.try_.handlers); j++) {
                TnExceptHandler *h = TN_SEQ_GET(st->v.try_.handlers, j);
                if (find_ann(h->body))
                    return true;
            }
            res = find_ann(st->v.try_.body) || find_ann(st->v.try_.finalbody)
                || find_ann(st->v.try_.orelse);
            break;
        default:
            break;
        }
        if (res)
            return true;
    }
    return false;
}

/* ==================================================================== */
/* Control flow                                                          */
/* ==================================================================== */

static int compile_if(TnCompiler *c, TnStmt *s)
{
    int end = tn_comp_new_label(c);
    TN_TRY(end);
    bool has_else = tn_ast_seq_len(s->v.if_.orelse) > 0;
    int next = has_else ? tn_comp_new_label(c) : end;
    TN_TRY(next);
    TN_TRY(tn_comp_jump_if(c, s->v.if_.test, next, false));
    TN_TRY(tn_comp_stmts(c, s->v.if_.body));
    if (has_else) {
        TN_TRY(tn_comp_emit_goto(c, end));
        tn_comp_bind_label(c, next);
        TN_TRY(tn_comp_stmts(c, s->v.if_.orelse));
    }
    tn_comp_bind_label(c, end);
    return 0;
}

static int compile_while(TnCompiler *c, TnStmt *s)
{
    int loop = tn_comp_new_label(c), anchor = tn_comp_new_label(c), end = tn_comp_new_label(c);
    TN_TRY(loop);
    TN_TRY(anchor);
    TN_TRY(end);
    tn_comp_bind_label(c, loop);
    TN_TRY(tn_comp_push_fblock(c, TN_FB_WHILE_LOOP, loop, end, NULL));
    if (tn_comp_const_truth(s->v.while_.test) != 1)
        TN_TRY(tn_comp_jump_if(c, s->v.while_.test, anchor, false));
    TN_TRY(tn_comp_stmts(c, s->v.while_.body));
    c->u->loc = s->loc;
    TN_TRY(tn_comp_emit_goto(c, loop));
    tn_comp_pop_fblock(c);
    tn_comp_bind_label(c, anchor);
    TN_TRY(tn_comp_stmts(c, s->v.while_.orelse));
    tn_comp_bind_label(c, end);
    return 0;
}

/* async for (CPython 3.11's compiler_async_for):
 *        <iter>; GET_AITER
 *   start: GET_ANEXT; LOAD_CONST None; <send loop, RESUME 3>  [h: except, depth d+1]
 *        <store target>; <body>; JUMP_BACKWARD start
 *   except: END_ASYNC_FOR     [aiter, exc]: StopAsyncIteration ends the loop
 *        <orelse>
 *   end:  (break = POP_TOP the aiter; JUMP_FORWARD end) */
static int compile_async_for(TnCompiler *c, TnStmt *s)
{
    if (c->u->type != TN_UNIT_ASYNC_FUNCTION)
        return tn_comp_error(c, "'async for' outside async function");
    int start = tn_comp_new_label(c), except = tn_comp_new_label(c), end = tn_comp_new_label(c);
    TN_TRY(start);
    TN_TRY(except);
    TN_TRY(end);
    TN_TRY(tn_comp_expr(c, s->v.for_.iter));
    TN_TRY(tn_comp_emit(c, TN_GET_AITER, 0));
    tn_comp_bind_label(c, start);
    TN_TRY(tn_comp_push_fblock(c, TN_FB_FOR_LOOP, start, end, NULL));
    int h = tn_comp_setup_handler(c, except, 0);
    TN_TRY(h);
    TN_TRY(tn_comp_emit(c, TN_GET_ANEXT, 0));
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    TN_TRY(tn_comp_emit_send_loop(c, 3));
    tn_comp_pop_handler(c);
    TN_TRY(tn_comp_expr(c, s->v.for_.target));
    TN_TRY(tn_comp_stmts(c, s->v.for_.body));
    c->u->loc = s->loc;
    TN_TRY(tn_comp_emit_goto(c, start));
    tn_comp_pop_fblock(c);
    tn_comp_bind_handler(c, h);
    c->u->loc = s->v.for_.iter->loc;
    TN_TRY(tn_comp_emit(c, TN_END_ASYNC_FOR, 0));
    TN_TRY(tn_comp_stmts(c, s->v.for_.orelse));
    tn_comp_bind_label(c, end);
    return 0;
}

static int compile_for(TnCompiler *c, TnStmt *s)
{
    if (s->kind == TN_STMT_ASYNCFOR)
        return compile_async_for(c, s);
    int start = tn_comp_new_label(c), cleanup = tn_comp_new_label(c), end = tn_comp_new_label(c);
    TN_TRY(start);
    TN_TRY(cleanup);
    TN_TRY(end);
    TN_TRY(tn_comp_push_fblock(c, TN_FB_FOR_LOOP, start, end, NULL));
    TN_TRY(tn_comp_expr(c, s->v.for_.iter));
    TN_TRY(tn_comp_emit(c, TN_GET_ITER, 0));
    tn_comp_bind_label(c, start);
    TN_TRY(tn_comp_emit_jump(c, TN_FOR_ITER, cleanup));
    TN_TRY(tn_comp_expr(c, s->v.for_.target));
    TN_TRY(tn_comp_stmts(c, s->v.for_.body));
    c->u->loc = s->loc;
    TN_TRY(tn_comp_emit_goto(c, start));
    tn_comp_bind_label(c, cleanup);
    tn_comp_pop_fblock(c);
    TN_TRY(tn_comp_stmts(c, s->v.for_.orelse));
    tn_comp_bind_label(c, end);
    return 0;
}

static int compile_raise(TnCompiler *c, TnStmt *s)
{
    int n = 0;
    if (s->v.raise.exc) {
        TN_TRY(tn_comp_expr(c, s->v.raise.exc));
        n++;
        if (s->v.raise.cause) {
            TN_TRY(tn_comp_expr(c, s->v.raise.cause));
            n++;
        }
    }
    return tn_comp_emit(c, TN_RAISE_VARARGS, n);
}

static int compile_assert(TnCompiler *c, TnStmt *s)
{
    int end = tn_comp_new_label(c);
    TN_TRY(end);
    TnExpr *test = s->v.assert_.test;
    if (test->kind == TN_EXPR_TUPLE && tn_ast_seq_len(test->v.tuple.elts) > 0)
        tn_comp_warn(c, "assertion is always true, perhaps remove parentheses?");
    TN_TRY(tn_comp_jump_if(c, test, end, true));
    TN_TRY(tn_comp_emit(c, TN_LOAD_ASSERTION_ERROR, 0));
    if (s->v.assert_.msg) {
        TN_TRY(tn_comp_emit(c, TN_PUSH_NULL, 0));
        TN_TRY(tn_comp_expr(c, s->v.assert_.msg));
        TN_TRY(tn_comp_emit(c, TN_CALL, 1));
    }
    /* CPython 3.11's raise carries the statement's location, except that a
     * comparison tested last leaves its own location behind (its jump_if
     * sets it): the traceback then underlines the comparison. */
    TnExpr *last = test;
    for (;;) {
        if (last->kind == TN_EXPR_UNARYOP && last->v.unaryop.op == TN_UOP_NOT)
            last = last->v.unaryop.operand;
        else if (last->kind == TN_EXPR_BOOLOP)
            last = TN_SEQ_GET(last->v.boolop.values, tn_ast_seq_len(last->v.boolop.values) - 1);
        else
            break;
    }
    tn_comp_set_loc(c, last->kind == TN_EXPR_COMPARE ? last->loc : s->loc);
    TN_TRY(tn_comp_emit(c, TN_RAISE_VARARGS, 1));
    tn_comp_bind_label(c, end);
    return 0;
}

/* ==================================================================== */
/* try / except / finally                                                */
/* ==================================================================== */

/* cleanup: [prev_exc, lasti, exc] -> restore prev_exc, re-raise exc. */
static int pop_except_and_reraise(TnCompiler *c)
{
    TN_TRY(tn_comp_emit(c, TN_COPY, 3));
    TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
    return tn_comp_emit(c, TN_RERAISE, 1);
}

static int compile_handler_body(TnCompiler *c, TnExceptHandler *h, int end)
{
    if (h->name) {
        int cleanup_end = tn_comp_new_label(c);
        TN_TRY(cleanup_end);
        TN_TRY(tn_comp_nameop(c, h->name, TN_CTX_STORE));
        /* try: <body> finally: name = None; del name */
        int hn = tn_comp_setup_handler(c, cleanup_end, 1);
        TN_TRY(hn);
        TN_TRY(tn_comp_push_fblock(c, TN_FB_HANDLER_CLEANUP, -1, -1, h->name));
        TN_TRY(tn_comp_stmts(c, h->body));
        tn_comp_pop_fblock(c);
        tn_comp_pop_handler(c);
        tn_comp_pop_handler(c);
        TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
        TN_TRY(emit_none_store_del(c, h->name));
        TN_TRY(tn_comp_emit_goto(c, end));
        tn_comp_bind_handler(c, hn);
        TN_TRY(emit_none_store_del(c, h->name));
        TN_TRY(tn_comp_emit(c, TN_RERAISE, 1));
    } else {
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
        TN_TRY(tn_comp_push_fblock(c, TN_FB_HANDLER_CLEANUP, -1, -1, NULL));
        TN_TRY(tn_comp_stmts(c, h->body));
        tn_comp_pop_fblock(c);
        tn_comp_pop_handler(c);
        TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
        TN_TRY(tn_comp_emit_goto(c, end));
    }
    return 0;
}

/* What try/except and try/except* share: <B> under a handler, <O> and a
 * jump to end; then, where that handler lands, PUSH_EXC_INFO under a new
 * cleanup handler (returned, or -1) inside an fblock of type fb. */
static int try_body_then_handler(TnCompiler *c, TnStmt *s, int end, int cleanup, TnFBlockType fb)
{
    int except_ = tn_comp_new_label(c);
    TN_TRY(except_);
    int h = tn_comp_setup_handler(c, except_, 0);
    TN_TRY(h);
    TN_TRY(tn_comp_push_fblock(c, TN_FB_TRY_EXCEPT, -1, -1, NULL));
    TN_TRY(tn_comp_stmts(c, s->v.try_.body));
    tn_comp_pop_fblock(c);
    tn_comp_pop_handler(c);
    TN_TRY(tn_comp_stmts(c, s->v.try_.orelse));
    TN_TRY(tn_comp_emit_goto(c, end));
    tn_comp_bind_handler(c, h);
    int hc = tn_comp_setup_handler(c, cleanup, 1);
    TN_TRY(hc);
    TN_TRY(tn_comp_emit(c, TN_PUSH_EXC_INFO, 0));
    TN_TRY(tn_comp_push_fblock(c, fb, -1, -1, NULL));
    return hc;
}

static int compile_try_except(TnCompiler *c, TnStmt *s)
{
    int end = tn_comp_new_label(c), cleanup = tn_comp_new_label(c);
    TN_TRY(end);
    TN_TRY(cleanup);
    TnAstSeq *handlers = s->v.try_.handlers;
    tn_ssize_t n = tn_ast_seq_len(handlers);
    int hc = try_body_then_handler(c, s, end, cleanup, TN_FB_EXCEPTION_HANDLER);
    TN_TRY(hc);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnExceptHandler *eh = TN_SEQ_GET(handlers, i);
        c->u->loc = eh->loc;
        c->u->cur_handler = hc;
        if (eh->type == NULL && i < n - 1)
            return tn_comp_error(c, "default 'except:' must be last");
        int next = tn_comp_new_label(c);
        TN_TRY(next);
        if (eh->type) {
            TN_TRY(tn_comp_expr(c, eh->type));
            TN_TRY(tn_comp_emit(c, TN_CHECK_EXC_MATCH, 0));
            TN_TRY(tn_comp_emit_jump(c, TN_POP_JUMP_IF_FALSE, next));
        }
        TN_TRY(compile_handler_body(c, eh, end));
        tn_comp_bind_label(c, next);
    }
    c->u->cur_handler = hc;
    tn_comp_pop_fblock(c);
    TN_TRY(tn_comp_emit(c, TN_RERAISE, 0));
    tn_comp_bind_handler(c, hc);
    TN_TRY(pop_except_and_reraise(c));
    tn_comp_bind_label(c, end);
    return 0;
}

/* One except* clause, stack [prev, orig, res, exc] -> [prev, orig, res, rest]
 * (see the pattern in compile.c's header). */
static int compile_star_handler(TnCompiler *c, TnExceptHandler *h)
{
    int no_match = tn_comp_new_label(c), next = tn_comp_new_label(c);
    int cleanup_end = tn_comp_new_label(c);
    TN_TRY(no_match);
    TN_TRY(next);
    TN_TRY(cleanup_end);
    TN_TRY(tn_comp_expr(c, h->type));
    TN_TRY(tn_comp_emit(c, TN_CHECK_EG_MATCH, 0));
    TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    TN_TRY(tn_comp_emit_jump(c, TN_POP_JUMP_IF_NONE, no_match));
    if (h->name)
        TN_TRY(tn_comp_nameop(c, h->name, TN_CTX_STORE));
    else
        TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    int hn = tn_comp_setup_handler(c, cleanup_end, 1);
    TN_TRY(hn);
    TN_TRY(tn_comp_push_fblock(c, TN_FB_HANDLER_CLEANUP, -1, -1, h->name));
    TN_TRY(tn_comp_stmts(c, h->body));
    tn_comp_pop_fblock(c);
    tn_comp_pop_handler(c);
    if (h->name)
        TN_TRY(emit_none_store_del(c, h->name));
    TN_TRY(tn_comp_emit_goto(c, next));
    /* An exception raised in the clause joins the result list. */
    tn_comp_bind_handler(c, hn);
    c->u->loc = h->loc;
    if (h->name)
        TN_TRY(emit_none_store_del(c, h->name));
    TN_TRY(tn_comp_emit(c, TN_LIST_APPEND, 3));
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));   /* lasti */
    TN_TRY(tn_comp_emit_goto(c, next));
    tn_comp_bind_label(c, no_match);
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));   /* the None match */
    tn_comp_bind_label(c, next);
    return 0;
}

/* try: B except* T: H ... (PEP 654, CPython 3.11's compiler_try_star_except). */
static int compile_try_star_except(TnCompiler *c, TnStmt *s)
{
    int end = tn_comp_new_label(c), cleanup = tn_comp_new_label(c), reraise = tn_comp_new_label(c);
    TN_TRY(end);
    TN_TRY(cleanup);
    TN_TRY(reraise);
    TnAstSeq *handlers = s->v.try_.handlers;
    int hc = try_body_then_handler(c, s, end, cleanup, TN_FB_EXCEPTION_GROUP_HANDLER);
    TN_TRY(hc);
    /* [prev, exc] -> [prev, orig, res, exc]: the original, for the final
     * merge, and the list collecting what the clauses raise. */
    TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    TN_TRY(tn_comp_emit(c, TN_BUILD_LIST, 0));
    TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(handlers); i++) {
        TnExceptHandler *eh = TN_SEQ_GET(handlers, i);
        c->u->loc = eh->loc;
        c->u->cur_handler = hc;
        TN_TRY(compile_star_handler(c, eh));
    }
    c->u->cur_handler = hc;
    tn_comp_pop_fblock(c);
    /* The unhandled rest (or None) joins the list too. */
    TN_TRY(tn_comp_emit(c, TN_LIST_APPEND, 1));
    TN_TRY(tn_comp_emit(c, TN_PREP_RERAISE_STAR, 0));
    TN_TRY(tn_comp_emit(c, TN_COPY, 1));
    TN_TRY(tn_comp_emit_jump(c, TN_POP_JUMP_IF_NOT_NONE, reraise));
    tn_comp_pop_handler(c);
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
    TN_TRY(tn_comp_emit_goto(c, end));
    tn_comp_bind_label(c, reraise);
    TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
    TN_TRY(tn_comp_emit(c, TN_POP_EXCEPT, 0));
    TN_TRY(tn_comp_emit(c, TN_RERAISE, 0));
    tn_comp_bind_handler(c, hc);
    TN_TRY(pop_except_and_reraise(c));
    tn_comp_bind_label(c, end);
    return 0;
}

static int compile_try_finally(TnCompiler *c, TnStmt *s)
{
    int end = tn_comp_new_label(c), exit = tn_comp_new_label(c), cleanup = tn_comp_new_label(c);
    TN_TRY(end);
    TN_TRY(exit);
    TN_TRY(cleanup);
    TnAstSeq *finalbody = s->v.try_.finalbody;
    int h = tn_comp_setup_handler(c, end, 0);
    TN_TRY(h);
    TN_TRY(tn_comp_push_fblock(c, TN_FB_FINALLY_TRY, -1, -1, finalbody));
    if (s->kind == TN_STMT_TRYSTAR)
        TN_TRY(compile_try_star_except(c, s));
    else if (tn_ast_seq_len(s->v.try_.handlers) > 0)
        TN_TRY(compile_try_except(c, s));
    else
        TN_TRY(tn_comp_stmts(c, s->v.try_.body));
    tn_comp_pop_handler(c);
    tn_comp_pop_fblock(c);
    TN_TRY(tn_comp_stmts(c, finalbody));
    TN_TRY(tn_comp_emit_goto(c, exit));
    tn_comp_bind_handler(c, h);
    int hc = tn_comp_setup_handler(c, cleanup, 1);
    TN_TRY(hc);
    TN_TRY(tn_comp_emit(c, TN_PUSH_EXC_INFO, 0));
    TN_TRY(tn_comp_push_fblock(c, TN_FB_FINALLY_END, -1, -1, NULL));
    TN_TRY(tn_comp_stmts(c, finalbody));
    tn_comp_pop_fblock(c);
    TN_TRY(tn_comp_emit(c, TN_RERAISE, 0));
    tn_comp_bind_handler(c, hc);
    TN_TRY(pop_except_and_reraise(c));
    tn_comp_bind_label(c, exit);
    return 0;
}

static int compile_try(TnCompiler *c, TnStmt *s)
{
    if (tn_ast_seq_len(s->v.try_.finalbody) > 0)
        return compile_try_finally(c, s);
    if (s->kind == TN_STMT_TRYSTAR)
        return compile_try_star_except(c, s);
    return compile_try_except(c, s);
}

/* ==================================================================== */
/* Dispatch                                                              */
/* ==================================================================== */

static int compile_expr_stmt(TnCompiler *c, TnExpr *value)
{
    /* Interactive mode prints the value of top-level expressions (even
     * constants) through sys.displayhook. */
    if (c->mode == TN_MODE_SINGLE && c->nestlevel <= 1) {
        TN_TRY(tn_comp_expr(c, value));
        return tn_comp_emit(c, TN_PRINT_EXPR, 0);
    }
    if (value->kind == TN_EXPR_CONSTANT)
        return 0;   /* a docstring-like constant statement: nothing to do */
    TN_TRY(tn_comp_expr(c, value));
    return tn_comp_emit(c, TN_POP_TOP, 0);
}

static int compile_import(TnCompiler *c, TnStmt *s);
static int compile_import_from(TnCompiler *c, TnStmt *s);

static int compile_stmt_inner(TnCompiler *c, TnStmt *s)
{
    switch (s->kind) {
    case TN_STMT_FUNCTIONDEF:
    case TN_STMT_ASYNCFUNCTIONDEF:
        return compile_function(c, s);
    case TN_STMT_CLASSDEF:
        return compile_class(c, s);
    case TN_STMT_RETURN:
        return compile_return(c, s);
    case TN_STMT_DELETE:
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.delete_.targets); i++)
            TN_TRY(tn_comp_expr(c, TN_SEQ_GET(s->v.delete_.targets, i)));
        return 0;
    case TN_STMT_ASSIGN:
        return compile_assign(c, s);
    case TN_STMT_AUGASSIGN:
        return compile_augassign(c, s);
    case TN_STMT_ANNASSIGN:
        return compile_annassign(c, s);
    case TN_STMT_FOR:
    case TN_STMT_ASYNCFOR:
        return compile_for(c, s);
    case TN_STMT_WHILE:
        return compile_while(c, s);
    case TN_STMT_IF:
        return compile_if(c, s);
    case TN_STMT_WITH:
    case TN_STMT_ASYNCWITH:
        return compile_with(c, s);
    case TN_STMT_MATCH:
        return tn_comp_match(c, s);
    case TN_STMT_RAISE:
        return compile_raise(c, s);
    case TN_STMT_TRY:
    case TN_STMT_TRYSTAR:
        return compile_try(c, s);
    case TN_STMT_ASSERT:
        return compile_assert(c, s);
    case TN_STMT_IMPORT:
        return compile_import(c, s);
    case TN_STMT_IMPORTFROM:
        return compile_import_from(c, s);
    case TN_STMT_GLOBAL:
    case TN_STMT_NONLOCAL:
    case TN_STMT_PASS:
        return 0;
    case TN_STMT_EXPR:
        return compile_expr_stmt(c, s->v.expr.value);
    case TN_STMT_BREAK:
        return compile_break_continue(c, true);
    case TN_STMT_CONTINUE:
        return compile_break_continue(c, false);
    }
    tn_err_set_str(&tn_exc_SystemError, "compiler: unknown statement kind");
    return -1;
}

/* ---- imports ------------------------------------------------------------
 *
 * As CPython 3.11:
 *   import a.b.c        LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME a.b.c; STORE a
 *   import a.b.c as d   ... IMPORT_NAME a.b.c; IMPORT_FROM b; SWAP 2; POP_TOP;
 *                       IMPORT_FROM c; SWAP 2; POP_TOP; STORE d
 *   from m import x, y  LOAD_CONST level; LOAD_CONST ('x', 'y'); IMPORT_NAME m;
 *                       IMPORT_FROM x; STORE x; IMPORT_FROM y; STORE y; POP_TOP
 *   from m import *     LOAD_CONST level; LOAD_CONST ('*',); IMPORT_NAME m; IMPORT_STAR
 */

static int emit_import_name(TnCompiler *c, int level, TnObject *fromlist_steal, TnObject *name)
{
    TnObject *lv = tn_int_from_i64(level);
    if (lv == NULL) {
        tn_xdecref(fromlist_steal);
        return -1;
    }
    if (tn_comp_emit_const_steal(c, lv) < 0) {
        tn_xdecref(fromlist_steal);
        return -1;
    }
    if (fromlist_steal != NULL)
        TN_TRY(tn_comp_emit_const_steal(c, fromlist_steal));
    else
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    return tn_comp_emit_name(c, TN_IMPORT_NAME, name);
}

static TnObject *substring_ref(TnObject *s, tn_ssize_t start, tn_ssize_t end)
{
    TnObject *sub = tn_str_substring(s, start, end);
    return sub != NULL ? tn_str_intern_steal(sub) : NULL;
}

static int compile_import(TnCompiler *c, TnStmt *s)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.import.names); i++) {
        TnAlias *a = TN_SEQ_GET(s->v.import.names, i);
        /* Every instruction carries the statement's location (CPython). */
        TN_TRY(emit_import_name(c, 0, NULL, a->name));
        tn_ssize_t len = tn_str_length(a->name), dot = 0;
        while (dot < len && tn_str_read(a->name, dot) != '.')
            dot++;
        if (a->asname == NULL) {
            /* Interned strings are immortal: no reference to release. */
            TnObject *top = dot < len ? substring_ref(a->name, 0, dot) : a->name;
            if (top == NULL)
                return -1;
            TN_TRY(tn_comp_nameop(c, top, TN_CTX_STORE));
            continue;
        }
        /* import a.b.c as d: walk the attributes after the first dot. */
        while (dot < len) {
            tn_ssize_t start = dot + 1, end = start;
            while (end < len && tn_str_read(a->name, end) != '.')
                end++;
            TnObject *part = substring_ref(a->name, start, end);
            if (part == NULL)
                return -1;
            TN_TRY(tn_comp_emit_name(c, TN_IMPORT_FROM, part));
            TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
            TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
            dot = end;
        }
        TN_TRY(tn_comp_nameop(c, a->asname, TN_CTX_STORE));
    }
    return 0;
}

static int compile_import_from(TnCompiler *c, TnStmt *s)
{
    TN_TRY(tn_comp_check_late_future(c, s));
    TnAstSeq *names = s->v.importfrom.names;
    tn_ssize_t n = tn_ast_seq_len(names);
    TnObject *fromlist = tn_tuple_new(n);
    if (fromlist == NULL)
        return -1;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnAlias *a = TN_SEQ_GET(names, i);
        tn_tuple_set_steal(fromlist, i, tn_newref(a->name));
    }
    TnObject *module = s->v.importfrom.module;
    if (module == NULL && (module = tn_str_intern_cstr("")) == NULL) {   /* immortal */
        tn_decref(fromlist);
        return -1;
    }
    TN_TRY(emit_import_name(c, s->v.importfrom.level, fromlist, module));
    TnAlias *first = TN_SEQ_GET(names, 0);
    if (n == 1 && tn_str_eq_cstr(first->name, "*"))
        return tn_comp_emit(c, TN_IMPORT_STAR, 0);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnAlias *a = TN_SEQ_GET(names, i);
        TN_TRY(tn_comp_emit_name(c, TN_IMPORT_FROM, a->name));
        TN_TRY(tn_comp_nameop(c, a->asname != NULL ? a->asname : a->name, TN_CTX_STORE));
    }
    return tn_comp_emit(c, TN_POP_TOP, 0);
}

int tn_comp_stmt(TnCompiler *c, TnStmt *s)
{
    TN_TRY(tn_comp_enter_recursion(c));
    c->u->loc = s->loc;
    int r = compile_stmt_inner(c, s);
    tn_comp_leave_recursion(c);
    return r;
}

int tn_comp_stmts(TnCompiler *c, TnAstSeq *seq)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seq); i++)
        TN_TRY(tn_comp_stmt(c, TN_SEQ_GET(seq, i)));
    return 0;
}

int tn_comp_module_body(TnCompiler *c, TnMod *mod)
{
    if (mod->kind == TN_MODE_EVAL) {
        TN_TRY(tn_comp_expr(c, mod->expr));
        return tn_comp_emit(c, TN_RETURN_VALUE, 0);
    }
    TnAstSeq *body = mod->body;
    if (tn_ast_seq_len(body) > 0)
        c->u->loc = ((TnStmt *)TN_SEQ_GET(body, 0))->loc;
    return compile_body(c, body, mod->kind == TN_MODE_FILE);
}
