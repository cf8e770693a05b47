// The symbol table (CPython's Python/symtable.c).
//
// Two passes: the first walks the AST, opening a Scope for every module,
// class, function, lambda and comprehension and recording how each name is
// used (bound, used, declared global/nonlocal, a parameter). The second
// (analyze) resolves every name to local, global, cell or free, exactly as
// CPython's analyze_block does: a name used but not bound in a function is
// free if an enclosing function binds it, else global; a local captured by
// an inner scope becomes a cell. Class scopes do not enclose their methods,
// except for `__class__`, which methods using `super` or `__class__` get as
// a free variable backed by a cell in the class body.
#include "symtable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---- String sets (for the analysis) ----------------------------------------------------
//
// An array of names for iteration plus an open-addressing index into it, so
// that a scope with thousands of names analyzes in linear time. Removal swaps
// the last name into the hole; a removed slot becomes a tombstone.

typedef struct {
    const char **items;
    int n, cap;
    int *index;  // 0 empty, -1 tombstone, else position + 1
    int index_cap, used;  // used counts live and tombstone slots
} NameSet;

static unsigned str_hash(const char *s) {
    unsigned h = 2166136261u;
    while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

// The slot holding `name`, or -1.
static int ns_slot(const NameSet *s, const char *name) {
    if (!s->index_cap) return -1;
    unsigned mask = (unsigned)s->index_cap - 1, i = str_hash(name) & mask;
    while (s->index[i]) {
        int k = s->index[i];
        if (k > 0 && strcmp(s->items[k - 1], name) == 0) return (int)i;
        i = (i + 1) & mask;
    }
    return -1;
}

static bool ns_has(const NameSet *s, const char *name) { return ns_slot(s, name) >= 0; }

static void ns_insert_slot(NameSet *s, const char *name, int pos) {
    unsigned mask = (unsigned)s->index_cap - 1, i = str_hash(name) & mask;
    while (s->index[i] > 0) i = (i + 1) & mask;
    if (s->index[i] == 0) s->used++;
    s->index[i] = pos + 1;
}

static void ns_add(Arena *a, NameSet *s, const char *name) {
    if (ns_has(s, name)) return;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        const char **items = arena_alloc(a, sizeof(char *) * (size_t)cap);
        if (s->n) memcpy(items, s->items, sizeof(char *) * (size_t)s->n);
        s->items = items;
        s->cap = cap;
    }
    if ((s->used + 1) * 2 > s->index_cap) {
        int cap = s->index_cap ? s->index_cap : 16;
        while ((s->n + 1) * 2 > cap / 2) cap *= 2;
        s->index = arena_alloc(a, sizeof(int) * (size_t)cap);
        memset(s->index, 0, sizeof(int) * (size_t)cap);
        s->index_cap = cap;
        s->used = 0;
        for (int k = 0; k < s->n; k++) ns_insert_slot(s, s->items[k], k);
    }
    s->items[s->n] = name;
    ns_insert_slot(s, name, s->n);
    s->n++;
}

static void ns_remove(NameSet *s, const char *name) {
    int slot = ns_slot(s, name);
    if (slot < 0) return;
    int pos = s->index[slot] - 1;
    s->index[slot] = -1;
    int last = --s->n;
    if (pos != last) {
        s->items[pos] = s->items[last];
        s->index[ns_slot(s, s->items[pos])] = pos + 1;
    }
}

static void ns_copy(Arena *a, NameSet *dst, const NameSet *src) {
    for (int i = 0; i < src->n; i++) ns_add(a, dst, src->items[i]);
}

// ---- Scopes ---------------------------------------------------------------------------

Symbol *scope_lookup(Scope *s, const char *name) {
    if (!s->index_cap) return NULL;
    unsigned mask = (unsigned)s->index_cap - 1, i = str_hash(name) & mask;
    while (s->index[i]) {
        Symbol *sym = &s->syms[s->index[i] - 1];
        if (strcmp(sym->name, name) == 0) return sym;
        i = (i + 1) & mask;
    }
    return NULL;
}

SymScope scope_of(Scope *s, const char *name) {
    Symbol *sym = scope_lookup(s, name);
    return sym ? sym->scope : SC_NONE;
}

static void reindex(Arena *a, Scope *s) {
    int cap = s->index_cap ? s->index_cap * 2 : 16;
    s->index = arena_alloc(a, sizeof(int) * (size_t)cap);
    s->index_cap = cap;
    unsigned mask = (unsigned)cap - 1;
    for (int k = 0; k < s->nsyms; k++) {
        unsigned i = str_hash(s->syms[k].name) & mask;
        while (s->index[i]) i = (i + 1) & mask;
        s->index[i] = k + 1;
    }
}

static Symbol *scope_add(Arena *a, Scope *s, const char *name) {
    Symbol *sym = scope_lookup(s, name);
    if (sym) return sym;
    if (s->nsyms == s->syms_cap) {
        int cap = s->syms_cap ? s->syms_cap * 2 : 8;
        Symbol *syms = arena_alloc(a, sizeof(Symbol) * (size_t)cap);
        if (s->nsyms) memcpy(syms, s->syms, sizeof(Symbol) * (size_t)s->nsyms);
        s->syms = syms;
        s->syms_cap = cap;
    }
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = 0;
    sym->scope = SC_NONE;
    if ((s->nsyms + 1) * 2 > s->index_cap) {
        reindex(a, s);
    } else {
        unsigned mask = (unsigned)s->index_cap - 1, i = str_hash(name) & mask;
        while (s->index[i]) i = (i + 1) & mask;
        s->index[i] = s->nsyms;
    }
    return sym;
}

Scope *symtable_lookup_child(Scope *parent, const void *key) {
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->key == key) return parent->children[i];
    return NULL;
}

// ---- First pass: collect ------------------------------------------------------------------

typedef struct {
    SymTable *st;
    Arena *a;
    Scope *cur;
} Walker;

static void error(Walker *w, Loc loc, const char *fmt, const char *name) {
    if (w->st->failed) return;
    w->st->failed = true;
    snprintf(w->st->msg, sizeof w->st->msg, fmt, name);
    w->st->err_loc = loc;
}

static Scope *enter(Walker *w, BlockType type, const char *name, const void *key, Loc loc) {
    Scope *s = arena_alloc(w->a, sizeof(Scope));
    s->type = type;
    s->name = name;
    s->key = key;
    s->loc = loc;
    s->parent = w->cur;
    if (w->cur) {
        Scope *p = w->cur;
        s->nested = p->nested || p->type == BLOCK_FUNCTION;
        if (p->nchildren == p->children_cap) {
            int cap = p->children_cap ? p->children_cap * 2 : 4;
            Scope **c = arena_alloc(w->a, sizeof(Scope *) * (size_t)cap);
            if (p->nchildren) memcpy(c, p->children, sizeof(Scope *) * (size_t)p->nchildren);
            p->children = c;
            p->children_cap = cap;
        }
        p->children[p->nchildren++] = s;
    }
    w->cur = s;
    return s;
}

static void leave(Walker *w) { w->cur = w->cur->parent; }

static void add_def(Walker *w, const char *name, int flag, Loc loc) {
    Scope *s = w->cur;
    Symbol *sym = scope_add(w->a, s, name);
    if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
        error(w, loc, "duplicate argument '%s' in function definition", name);
        return;
    }
    if ((flag & (DEF_LOCAL | DEF_USE)) && (sym->flags & DEF_GLOBAL) == 0 && (sym->flags & DEF_NONLOCAL) == 0) {
        // fine
    }
    sym->flags |= flag;
    if (flag & DEF_PARAM) {
        if (s->nparams == s->params_cap) {
            int cap = s->params_cap ? s->params_cap * 2 : 8;
            const char **p = arena_alloc(w->a, sizeof(char *) * (size_t)cap);
            if (s->nparams) memcpy(p, s->params, sizeof(char *) * (size_t)s->nparams);
            s->params = p;
            s->params_cap = cap;
        }
        s->params[s->nparams++] = name;
    }
}

static void visit_expr(Walker *w, const Expr *e);
static void visit_stmts(Walker *w, StmtSeq body);

static void visit_exprs(Walker *w, ExprSeq seq) {
    for (int i = 0; i < seq.len; i++)
        if (seq.items[i]) visit_expr(w, seq.items[i]);
}

static void visit_args_defaults(Walker *w, const Arguments *a) {
    visit_exprs(w, a->defaults);
    visit_exprs(w, a->kw_defaults);
}

static void visit_annotations(Walker *w, const Arguments *a) {
    // Annotations are evaluated in the enclosing scope (they may be ignored
    // by the compiler, but their names must still resolve).
    for (int i = 0; i < a->posonlyargs.len; i++)
        if (a->posonlyargs.items[i]->annotation) visit_expr(w, a->posonlyargs.items[i]->annotation);
    for (int i = 0; i < a->args.len; i++)
        if (a->args.items[i]->annotation) visit_expr(w, a->args.items[i]->annotation);
    for (int i = 0; i < a->kwonlyargs.len; i++)
        if (a->kwonlyargs.items[i]->annotation) visit_expr(w, a->kwonlyargs.items[i]->annotation);
    if (a->vararg && a->vararg->annotation) visit_expr(w, a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) visit_expr(w, a->kwarg->annotation);
}

static void visit_params(Walker *w, const Arguments *a) {
    for (int i = 0; i < a->posonlyargs.len; i++) add_def(w, a->posonlyargs.items[i]->name, DEF_PARAM, a->posonlyargs.items[i]->loc);
    for (int i = 0; i < a->args.len; i++) add_def(w, a->args.items[i]->name, DEF_PARAM, a->args.items[i]->loc);
    for (int i = 0; i < a->kwonlyargs.len; i++) add_def(w, a->kwonlyargs.items[i]->name, DEF_PARAM, a->kwonlyargs.items[i]->loc);
    if (a->vararg) add_def(w, a->vararg->name, DEF_PARAM, a->vararg->loc);
    if (a->kwarg) add_def(w, a->kwarg->name, DEF_PARAM, a->kwarg->loc);
}

static const char *comp_name(ExprKind k) {
    switch (k) {
    case E_LISTCOMP: return "<listcomp>";
    case E_SETCOMP: return "<setcomp>";
    case E_DICTCOMP: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

static void visit_comprehension(Walker *w, const Expr *e) {
    ComprehensionSeq gens = e->v.comp.generators;
    // The outermost iterable is evaluated in the enclosing scope.
    visit_expr(w, gens.items[0]->iter);
    Scope *s = enter(w, BLOCK_FUNCTION, comp_name(e->kind), e, e->loc);
    s->is_comprehension = true;
    if (e->kind == E_GENEXP) s->is_generator = true;
    if (gens.items[0]->is_async) s->is_coroutine = true;
    add_def(w, ".0", DEF_PARAM, e->loc);
    for (int i = 0; i < gens.len; i++) {
        Comprehension *g = gens.items[i];
        if (i > 0) visit_expr(w, g->iter);
        if (g->is_async) s->is_coroutine = true;
        visit_expr(w, g->target);
        visit_exprs(w, g->ifs);
    }
    if (e->kind == E_DICTCOMP) {
        visit_expr(w, e->v.comp.key);
        visit_expr(w, e->v.comp.value);
    } else {
        visit_expr(w, e->v.comp.elt);
    }
    leave(w);
    // A list/set/dict comprehension that is a coroutine is awaited by the
    // code around it, which makes an enclosing comprehension one too.
    if (s->is_coroutine && e->kind != E_GENEXP && w->cur->is_comprehension) w->cur->is_coroutine = true;
}

static void visit_expr(Walker *w, const Expr *e) {
    if (w->st->failed) return;
    switch (e->kind) {
    case E_BOOLOP: visit_exprs(w, e->v.boolop.values); break;
    case E_NAMEDEXPR: {
        visit_expr(w, e->v.namedexpr.value);
        const char *name = e->v.namedexpr.target->v.name.id;
        // PEP 572: in a comprehension the target binds in the enclosing function.
        if (w->cur->is_comprehension) {
            Scope *s = w->cur;
            while (s->is_comprehension) s = s->parent;
            if (s->type == BLOCK_CLASS) {
                error(w, e->loc, "assignment expression within a comprehension cannot be used in a class body", NULL);
                return;
            }
            Symbol *sym = scope_add(w->a, s, name);
            if (s->type == BLOCK_MODULE) {
                sym->flags |= DEF_LOCAL;
                for (Scope *c = w->cur; c != s; c = c->parent) scope_add(w->a, c, name)->flags |= DEF_GLOBAL;
            } else {
                sym->flags |= DEF_LOCAL;
                for (Scope *c = w->cur; c != s; c = c->parent) scope_add(w->a, c, name)->flags |= DEF_NONLOCAL;
            }
        } else {
            add_def(w, name, DEF_LOCAL, e->loc);
        }
        break;
    }
    case E_BINOP: visit_expr(w, e->v.binop.left); visit_expr(w, e->v.binop.right); break;
    case E_UNARYOP: visit_expr(w, e->v.unaryop.operand); break;
    case E_LAMBDA: {
        visit_args_defaults(w, e->v.lambda.args);
        Scope *s = enter(w, BLOCK_FUNCTION, "<lambda>", e, e->loc);
        s->is_lambda = true;
        visit_params(w, e->v.lambda.args);
        visit_expr(w, e->v.lambda.body);
        leave(w);
        break;
    }
    case E_IFEXP:
        visit_expr(w, e->v.ifexp.test);
        visit_expr(w, e->v.ifexp.body);
        visit_expr(w, e->v.ifexp.orelse);
        break;
    case E_DICT: visit_exprs(w, e->v.dict.keys); visit_exprs(w, e->v.dict.values); break;
    case E_SET: visit_exprs(w, e->v.set.elts); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENEXP: visit_comprehension(w, e); break;
    case E_AWAIT:
        if (w->cur->type != BLOCK_FUNCTION || w->cur->is_lambda) {
            // Reported with CPython's wording by the compiler; mark only.
        }
        if (w->cur->is_comprehension && w->cur->type == BLOCK_FUNCTION) w->cur->is_coroutine = true;
        visit_expr(w, e->v.await_.value);
        break;
    case E_YIELD:
    case E_YIELDFROM: {
        if (w->cur->type != BLOCK_FUNCTION) {
            error(w, e->loc, "'yield' outside function", NULL);
            return;
        }
        if (w->cur->is_comprehension) {
            const char *n = w->cur->name;
            char buf[64];
            snprintf(buf, sizeof buf, "'yield' inside %s",
                     strcmp(n, "<listcomp>") == 0 ? "list comprehension"
                     : strcmp(n, "<setcomp>") == 0 ? "set comprehension"
                     : strcmp(n, "<dictcomp>") == 0 ? "dict comprehension" : "generator expression");
            error(w, e->loc, "%s", buf);
            return;
        }
        w->cur->is_generator = true;
        Expr *v = e->kind == E_YIELD ? e->v.yield.value : e->v.yieldfrom.value;
        if (v) visit_expr(w, v);
        break;
    }
    case E_COMPARE: visit_expr(w, e->v.compare.left); visit_exprs(w, e->v.compare.comparators); break;
    case E_CALL:
        visit_expr(w, e->v.call.func);
        visit_exprs(w, e->v.call.args);
        for (int i = 0; i < e->v.call.keywords.len; i++) visit_expr(w, e->v.call.keywords.items[i]->value);
        break;
    case E_FORMATTEDVALUE:
        visit_expr(w, e->v.formattedvalue.value);
        if (e->v.formattedvalue.format_spec) visit_expr(w, e->v.formattedvalue.format_spec);
        break;
    case E_JOINEDSTR: visit_exprs(w, e->v.joinedstr.values); break;
    case E_CONSTANT: break;
    case E_ATTRIBUTE: visit_expr(w, e->v.attribute.value); break;
    case E_SUBSCRIPT: visit_expr(w, e->v.subscript.value); visit_expr(w, e->v.subscript.slice); break;
    case E_STARRED: visit_expr(w, e->v.starred.value); break;
    case E_NAME: {
        const char *id = e->v.name.id;
        add_def(w, id, e->v.name.ctx == CTX_LOAD ? DEF_USE : DEF_LOCAL, e->loc);
        // `super` in a method implicitly uses __class__.
        if (e->v.name.ctx == CTX_LOAD && w->cur->type == BLOCK_FUNCTION && strcmp(id, "super") == 0)
            add_def(w, "__class__", DEF_USE, e->loc);
        break;
    }
    case E_LIST:
    case E_TUPLE: visit_exprs(w, e->v.list.elts); break;
    case E_SLICE:
        if (e->v.slice.lower) visit_expr(w, e->v.slice.lower);
        if (e->v.slice.upper) visit_expr(w, e->v.slice.upper);
        if (e->v.slice.step) visit_expr(w, e->v.slice.step);
        break;
    }
}

static void visit_global_nonlocal(Walker *w, const Stmt *s) {
    bool global = s->kind == S_GLOBAL;
    for (int i = 0; i < s->v.global.n; i++) {
        const char *name = s->v.global.names[i];
        Symbol *sym = scope_lookup(w->cur, name);
        int cur = sym ? sym->flags : 0;
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_IMPORT)) {
            const char *fmt;
            if (cur & DEF_PARAM) fmt = global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
            else if (cur & DEF_USE) fmt = global ? "name '%s' is used prior to global declaration" : "name '%s' is used prior to nonlocal declaration";
            else fmt = global ? "name '%s' is assigned to before global declaration" : "name '%s' is assigned to before nonlocal declaration";
            error(w, s->loc, fmt, name);
            return;
        }
        if (!global && w->cur->type == BLOCK_MODULE) {
            error(w, s->loc, "nonlocal declaration not allowed at module level", NULL);
            return;
        }
        if ((global && (cur & DEF_NONLOCAL)) || (!global && (cur & DEF_GLOBAL))) {
            // CPython points at the earlier declaration.
            error(w, sym->decl_loc, "name '%s' is nonlocal and global", name);
            return;
        }
        add_def(w, name, global ? DEF_GLOBAL : DEF_NONLOCAL, s->loc);
        sym = scope_lookup(w->cur, name);
        if (sym && !(cur & (DEF_GLOBAL | DEF_NONLOCAL))) sym->decl_loc = s->loc;
    }
}

static void visit_stmt(Walker *w, const Stmt *s) {
    if (w->st->failed) return;
    switch (s->kind) {
    case S_FUNCTIONDEF: {
        add_def(w, s->v.funcdef.name, DEF_LOCAL, s->loc);
        visit_args_defaults(w, s->v.funcdef.args);
        visit_annotations(w, s->v.funcdef.args);
        if (s->v.funcdef.returns) visit_expr(w, s->v.funcdef.returns);
        visit_exprs(w, s->v.funcdef.decorator_list);
        Scope *sc = enter(w, BLOCK_FUNCTION, s->v.funcdef.name, s, s->loc);
        sc->is_coroutine = s->v.funcdef.is_async;
        visit_params(w, s->v.funcdef.args);
        visit_stmts(w, s->v.funcdef.body);
        leave(w);
        break;
    }
    case S_CLASSDEF: {
        add_def(w, s->v.classdef.name, DEF_LOCAL, s->loc);
        visit_exprs(w, s->v.classdef.bases);
        for (int i = 0; i < s->v.classdef.keywords.len; i++) visit_expr(w, s->v.classdef.keywords.items[i]->value);
        visit_exprs(w, s->v.classdef.decorator_list);
        enter(w, BLOCK_CLASS, s->v.classdef.name, s, s->loc);
        visit_stmts(w, s->v.classdef.body);
        leave(w);
        break;
    }
    case S_RETURN:
        if (s->v.return_.value) {
            visit_expr(w, s->v.return_.value);
            w->cur->returns_value = true;
        }
        break;
    case S_DELETE: visit_exprs(w, s->v.delete_.targets); break;
    case S_ASSIGN: visit_exprs(w, s->v.assign.targets); visit_expr(w, s->v.assign.value); break;
    case S_AUGASSIGN:
        visit_expr(w, s->v.augassign.target);
        if (s->v.augassign.target->kind == E_NAME)
            add_def(w, s->v.augassign.target->v.name.id, DEF_USE, s->loc);
        visit_expr(w, s->v.augassign.value);
        break;
    case S_ANNASSIGN: {
        Expr *t = s->v.annassign.target;
        if (t->kind == E_NAME) {
            Symbol *sym = scope_lookup(w->cur, t->v.name.id);
            if (sym && (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && s->v.annassign.simple) {
                error(w, s->loc, (sym->flags & DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                           : "annotated name '%s' can't be nonlocal",
                      t->v.name.id);
                return;
            }
            add_def(w, t->v.name.id, DEF_LOCAL, t->loc);
        } else {
            visit_expr(w, t);
        }
        visit_expr(w, s->v.annassign.annotation);
        if (s->v.annassign.value) visit_expr(w, s->v.annassign.value);
        break;
    }
    case S_FOR:
        visit_expr(w, s->v.for_.target);
        visit_expr(w, s->v.for_.iter);
        visit_stmts(w, s->v.for_.body);
        visit_stmts(w, s->v.for_.orelse);
        break;
    case S_WHILE:
        visit_expr(w, s->v.while_.test);
        visit_stmts(w, s->v.while_.body);
        visit_stmts(w, s->v.while_.orelse);
        break;
    case S_IF:
        visit_expr(w, s->v.if_.test);
        visit_stmts(w, s->v.if_.body);
        visit_stmts(w, s->v.if_.orelse);
        break;
    case S_WITH:
        for (int i = 0; i < s->v.with.items.len; i++) {
            WithItem *it = s->v.with.items.items[i];
            visit_expr(w, it->context_expr);
            if (it->optional_vars) visit_expr(w, it->optional_vars);
        }
        visit_stmts(w, s->v.with.body);
        break;
    case S_RAISE:
        if (s->v.raise.exc) visit_expr(w, s->v.raise.exc);
        if (s->v.raise.cause) visit_expr(w, s->v.raise.cause);
        break;
    case S_TRY:
        visit_stmts(w, s->v.try_.body);
        for (int i = 0; i < s->v.try_.handlers.len; i++) {
            ExceptHandler *h = s->v.try_.handlers.items[i];
            if (h->type) visit_expr(w, h->type);
            if (h->name) add_def(w, h->name, DEF_LOCAL, h->loc);
            visit_stmts(w, h->body);
        }
        visit_stmts(w, s->v.try_.orelse);
        visit_stmts(w, s->v.try_.finalbody);
        break;
    case S_ASSERT:
        visit_expr(w, s->v.assert_.test);
        if (s->v.assert_.msg) visit_expr(w, s->v.assert_.msg);
        break;
    case S_IMPORT:
    case S_IMPORTFROM: {
        AliasSeq names = s->kind == S_IMPORT ? s->v.import.names : s->v.importfrom.names;
        for (int i = 0; i < names.len; i++) {
            Alias *al = names.items[i];
            if (strcmp(al->name, "*") == 0) {
                if (w->cur->type != BLOCK_MODULE) {
                    error(w, al->loc, "import * only allowed at module level", NULL);
                    return;
                }
                continue;
            }
            const char *bound = al->asname;
            if (!bound) {
                const char *dot = strchr(al->name, '.');
                bound = dot ? arena_strndup(w->a, al->name, (size_t)(dot - al->name)) : al->name;
            }
            add_def(w, bound, DEF_IMPORT, al->loc);
        }
        break;
    }
    case S_GLOBAL:
    case S_NONLOCAL: visit_global_nonlocal(w, s); break;
    case S_EXPR: visit_expr(w, s->v.expr.value); break;
    case S_PASS: case S_BREAK: case S_CONTINUE: break;
    }
}

static void visit_stmts(Walker *w, StmtSeq body) {
    for (int i = 0; i < body.len && !w->st->failed; i++) visit_stmt(w, body.items[i]);
}

// ---- Second pass: analyze ------------------------------------------------------------------

typedef struct {
    SymTable *st;
    Arena *a;
} Analyzer;

static void analyze_error(Analyzer *an, Loc loc, const char *fmt, const char *name) {
    if (an->st->failed) return;
    an->st->failed = true;
    snprintf(an->st->msg, sizeof an->st->msg, fmt, name);
    an->st->err_loc = loc;
}

static void analyze_block(Analyzer *an, Scope *s, NameSet *bound, NameSet *free, NameSet *global);

static void analyze_name(Analyzer *an, Scope *s, Symbol *sym, NameSet *bound, NameSet *local, NameSet *free,
                         NameSet *global) {
    const char *name = sym->name;
    int flags = sym->flags;
    if (flags & DEF_GLOBAL) {
        sym->scope = SC_GLOBAL_EXPLICIT;
        ns_add(an->a, global, name);
        if (bound) ns_remove(bound, name);
        return;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound || !ns_has(bound, name)) {
            analyze_error(an, sym->decl_loc, "no binding for nonlocal '%s' found", name);
            return;
        }
        sym->scope = SC_FREE;
        s->has_free = true;
        ns_add(an->a, free, name);
        return;
    }
    if (flags & DEF_BOUND) {
        sym->scope = SC_LOCAL;
        ns_add(an->a, local, name);
        ns_remove(global, name);
        return;
    }
    if (bound && ns_has(bound, name)) {
        sym->scope = SC_FREE;
        s->has_free = true;
        ns_add(an->a, free, name);
        return;
    }
    sym->scope = SC_GLOBAL_IMPLICIT;
}

static void analyze_block(Analyzer *an, Scope *s, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local = {0}, newbound = {0}, newfree = {0}, newglobal = {0};
    if (s->type == BLOCK_CLASS) {
        ns_copy(an->a, &newglobal, global);
        if (bound) ns_copy(an->a, &newbound, bound);
    }
    for (int i = 0; i < s->nsyms; i++) analyze_name(an, s, &s->syms[i], bound, &local, free, global);
    if (s->type != BLOCK_CLASS) {
        if (s->type == BLOCK_FUNCTION) ns_copy(an->a, &newbound, &local);
        if (bound) ns_copy(an->a, &newbound, bound);
        ns_copy(an->a, &newglobal, global);
    } else {
        ns_add(an->a, &newbound, "__class__");
    }
    NameSet allfree = {0};
    for (int i = 0; i < s->nchildren; i++) {
        Scope *c = s->children[i];
        NameSet cb = {0}, cf = {0}, cg = {0};
        ns_copy(an->a, &cb, &newbound);
        ns_copy(an->a, &cg, &newglobal);
        analyze_block(an, c, &cb, &cf, &cg);
        ns_copy(an->a, &allfree, &cf);
        if (c->has_free || c->child_free) s->child_free = true;
    }
    ns_copy(an->a, &newfree, &allfree);
    if (s->type == BLOCK_FUNCTION) {
        // Locals captured by inner scopes become cells.
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = &s->syms[i];
            if (sym->scope == SC_LOCAL && ns_has(&newfree, sym->name)) {
                sym->scope = SC_CELL;
                ns_remove(&newfree, sym->name);
            }
        }
    } else if (s->type == BLOCK_CLASS) {
        if (ns_has(&newfree, "__class__")) {
            ns_remove(&newfree, "__class__");
            s->needs_class_closure = true;
        }
    }
    // Free names of children that pass through this scope.
    for (int i = 0; i < newfree.n; i++) {
        const char *name = newfree.items[i];
        Symbol *sym = scope_lookup(s, name);
        if (sym) {
            if (s->type == BLOCK_CLASS && sym->scope != SC_FREE) {
                sym->flags |= DEF_FREE_CLASS;
            } else if (sym->scope == SC_GLOBAL_IMPLICIT || sym->scope == SC_NONE) {
                sym->scope = SC_FREE;
            }
            continue;
        }
        if (s->type == BLOCK_MODULE) continue;
        if (bound && ns_has(bound, name)) {
            sym = scope_add(an->a, s, name);
            sym->scope = SC_FREE;
            if (s->type == BLOCK_CLASS) sym->flags |= DEF_FREE_CLASS;
        }
    }
    ns_copy(an->a, free, &newfree);
}

bool symtable_build(SymTable *st, Arena *a, const Module *m) {
    memset(st, 0, sizeof *st);
    st->arena = a;
    Walker w = {st, a, NULL};
    Loc loc = {1, 0, 1, 0};
    st->top = enter(&w, BLOCK_MODULE, "<module>", m, loc);
    visit_stmts(&w, m->body);
    if (st->failed) return false;
    Analyzer an = {st, a};
    NameSet global = {0}, free = {0};
    analyze_block(&an, st->top, NULL, &free, &global);
    return !st->failed;
}
