// ast_dump: the AST printed as CPython 3.11's ast.dump() prints it.
//
// ast.dump prints each node as `Name(field=value, ...)` in the node's field
// order, leaving out optional fields whose value is None; lists print as
// [a, b] and constants with Python's repr(). The reprs of str, bytes and
// float follow CPython's unicode_repr, bytes_repr and float_repr ('r' format,
// shortest round-trip digits).
#include "ast.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

// A growable output buffer; copied into the arena at the end.
typedef struct {
    char *data;
    size_t len, cap;
    bool oom;
    bool attrs;     // include_attributes
} Out;

static void out_write(Out *o, const char *s, size_t n) {
    if (o->oom) return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 1024;
        while (cap < o->len + n + 1) cap *= 2;
        char *d = realloc(o->data, cap);
        if (!d) { o->oom = true; return; }
        o->data = d;
        o->cap = cap;
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

static void out_str(Out *o, const char *s) { out_write(o, s, strlen(s)); }

static void out_fmt(Out *o, const char *fmt, ...) {
    char buf[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0) out_write(o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

// ---------------------------------------------------------------------------
// Python reprs

// Decodes UTF-8, accepting encoded surrogates (a str may contain them).
static int decode_lenient(const unsigned char *s, size_t n, uint32_t *cp) {
    if (n >= 3 && s[0] == 0xED && (s[1] & 0xE0) == 0xA0 && (s[2] & 0xC0) == 0x80) {
        *cp = 0xD000u | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    int len = lexer_utf8_decode(s, n, cp);
    if (len == 0) { *cp = s[0]; len = 1; }
    return len;
}

// repr(str) for UTF-8 text.
static void repr_str(Out *o, const char *text, size_t len) {
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    bool squote = memchr(text, '\'', len) != NULL, dquote = memchr(text, '"', len) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    out_write(o, &quote, 1);
    while (s < end) {
        uint32_t cp;
        int n = decode_lenient(s, (size_t)(end - s), &cp);
        if (cp == (uint32_t)quote || cp == '\\') {
            char b[2] = {'\\', (char)cp};
            out_write(o, b, 2);
        } else if (cp == '\t') {
            out_str(o, "\\t");
        } else if (cp == '\n') {
            out_str(o, "\\n");
        } else if (cp == '\r') {
            out_str(o, "\\r");
        } else if (cp < 0x20 || cp == 0x7F) {
            out_fmt(o, "\\x%02x", cp);
        } else if (cp < 0x7F) {
            char c = (char)cp;
            out_write(o, &c, 1);
        } else if (lexer_is_printable(cp)) {
            out_write(o, (const char *)s, (size_t)n);
        } else if (cp <= 0xFF) {
            out_fmt(o, "\\x%02x", cp);
        } else if (cp <= 0xFFFF) {
            out_fmt(o, "\\u%04x", cp);
        } else {
            out_fmt(o, "\\U%08x", cp);
        }
        s += n;
    }
    out_write(o, &quote, 1);
}

// repr(bytes).
static void repr_bytes(Out *o, const char *text, size_t len) {
    bool squote = memchr(text, '\'', len) != NULL, dquote = memchr(text, '"', len) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    out_write(o, "b", 1);
    out_write(o, &quote, 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == (unsigned char)quote || c == '\\') {
            char b[2] = {'\\', (char)c};
            out_write(o, b, 2);
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\r') {
            out_str(o, "\\r");
        } else if (c < ' ' || c >= 0x7F) {
            out_fmt(o, "\\x%02x", c);
        } else {
            out_write(o, (const char *)&c, 1);
        }
    }
    out_write(o, &quote, 1);
}

// Python's repr(float) (add_dot0) or the imaginary part of repr(complex).
static void repr_float(Out *o, double v, bool add_dot0) {
    if (isnan(v)) { out_str(o, "nan"); return; }
    if (isinf(v)) { out_str(o, v < 0 ? "-inf" : "inf"); return; }
    if (v == 0) {
        out_str(o, signbit(v) ? "-0" : "0");
        if (add_dot0) out_str(o, ".0");
        return;
    }
    // Shortest digits that read back as v.
    char buf[64];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, v);
        if (strtod(buf, NULL) == v) break;
    }
    char digits[32];
    int nd = 0, exp = 0;
    bool neg = false;
    const char *q = buf;
    if (*q == '-') { neg = true; q++; }
    for (; *q && *q != 'e' && *q != 'E'; q++)
        if (*q >= '0' && *q <= '9' && nd < 31) digits[nd++] = *q;
    if (*q) exp = atoi(q + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = '\0';
    if (neg) out_str(o, "-");
    int decpt = exp + 1;    // digits before the decimal point
    if (exp < -4 || exp >= 16) {
        out_write(o, digits, 1);
        if (nd > 1) {
            out_str(o, ".");
            out_write(o, digits + 1, (size_t)nd - 1);
        }
        out_fmt(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (decpt <= 0) {
        out_str(o, "0.");
        for (int i = 0; i < -decpt; i++) out_str(o, "0");
        out_write(o, digits, (size_t)nd);
    } else if (decpt >= nd) {
        out_write(o, digits, (size_t)nd);
        for (int i = nd; i < decpt; i++) out_str(o, "0");
        if (add_dot0) out_str(o, ".0");
    } else {
        out_write(o, digits, (size_t)decpt);
        out_str(o, ".");
        out_write(o, digits + decpt, (size_t)(nd - decpt));
    }
}

static void repr_constant(Out *o, const Constant *c) {
    switch (c->kind) {
    case CONST_NONE: out_str(o, "None"); break;
    case CONST_TRUE: out_str(o, "True"); break;
    case CONST_FALSE: out_str(o, "False"); break;
    case CONST_ELLIPSIS: out_str(o, "Ellipsis"); break;
    case CONST_INT: out_write(o, c->s, c->len); break;
    case CONST_FLOAT: repr_float(o, c->f, true); break;
    case CONST_IMAG: repr_float(o, c->f, false); out_str(o, "j"); break;
    case CONST_STR: repr_str(o, c->s, c->len); break;
    case CONST_BYTES: repr_bytes(o, c->s, c->len); break;
    }
}

// ---------------------------------------------------------------------------
// Nodes

static void dump_expr(Out *o, const Expr *e);
static void dump_stmts(Out *o, StmtSeq s);

static const char *const operator_names[] = {
    [OP_ADD] = "Add()", [OP_BITAND] = "BitAnd()", [OP_FLOORDIV] = "FloorDiv()",
    [OP_LSHIFT] = "LShift()", [OP_MATMUL] = "MatMult()", [OP_MUL] = "Mult()", [OP_MOD] = "Mod()",
    [OP_BITOR] = "BitOr()", [OP_POW] = "Pow()", [OP_RSHIFT] = "RShift()", [OP_SUB] = "Sub()",
    [OP_TRUEDIV] = "Div()", [OP_BITXOR] = "BitXor()",
};

static const char *const unaryop_names[] = {
    [UOP_INVERT] = "Invert()", [UOP_NOT] = "Not()", [UOP_UADD] = "UAdd()", [UOP_USUB] = "USub()",
};

static const char *const cmpop_names[] = {
    [CMP_EQ] = "Eq()", [CMP_NOTEQ] = "NotEq()", [CMP_LT] = "Lt()", [CMP_LTE] = "LtE()",
    [CMP_GT] = "Gt()", [CMP_GTE] = "GtE()", [CMP_IS] = "Is()", [CMP_ISNOT] = "IsNot()",
    [CMP_IN] = "In()", [CMP_NOTIN] = "NotIn()",
};

static const char *ctx_name(ExprContext c) {
    return c == CTX_STORE ? "Store()" : c == CTX_DEL ? "Del()" : "Load()";
}

// Field separators: `Node(` then fields joined by ", ".
typedef struct { Out *o; bool first; } Fields;

static Fields node_open(Out *o, const char *name) {
    out_str(o, name);
    out_str(o, "(");
    return (Fields){o, true};
}

static void field(Fields *f, const char *name) {
    if (!f->first) out_str(f->o, ", ");
    f->first = false;
    out_str(f->o, name);
    out_str(f->o, "=");
}

static void node_close(Fields *f, const Loc *loc) {
    if (loc && f->o->attrs) {
        field(f, "lineno");
        out_fmt(f->o, "%d", loc->lineno);
        field(f, "col_offset");
        out_fmt(f->o, "%d", loc->col_offset);
        field(f, "end_lineno");
        out_fmt(f->o, "%d", loc->end_lineno);
        field(f, "end_col_offset");
        out_fmt(f->o, "%d", loc->end_col_offset);
    }
    out_str(f->o, ")");
}

static void f_expr(Fields *f, const char *name, const Expr *e) {
    field(f, name);
    dump_expr(f->o, e);
}

// An optional expression field: left out when NULL.
static void f_opt(Fields *f, const char *name, const Expr *e) {
    if (e) f_expr(f, name, e);
}

static void f_str(Fields *f, const char *name, const char *s) {
    field(f, name);
    repr_str(f->o, s, strlen(s));
}

static void f_opt_str(Fields *f, const char *name, const char *s) {
    if (s) f_str(f, name, s);
}

static void f_raw(Fields *f, const char *name, const char *text) {
    field(f, name);
    out_str(f->o, text);
}

static void f_int(Fields *f, const char *name, int v) {
    field(f, name);
    out_fmt(f->o, "%d", v);
}

static void f_exprs(Fields *f, const char *name, ExprSeq s) {
    field(f, name);
    out_str(f->o, "[");
    for (int i = 0; i < s.len; i++) {
        if (i) out_str(f->o, ", ");
        if (s.items[i]) dump_expr(f->o, s.items[i]);
        else out_str(f->o, "None");
    }
    out_str(f->o, "]");
}

static void f_stmts(Fields *f, const char *name, StmtSeq s) {
    field(f, name);
    dump_stmts(f->o, s);
}

static void dump_arg(Out *o, const Arg *a) {
    Fields f = node_open(o, "arg");
    f_str(&f, "arg", a->name);
    f_opt(&f, "annotation", a->annotation);
    node_close(&f, &a->loc);
}

static void f_args(Fields *f, const char *name, ArgSeq s) {
    field(f, name);
    out_str(f->o, "[");
    for (int i = 0; i < s.len; i++) {
        if (i) out_str(f->o, ", ");
        dump_arg(f->o, s.items[i]);
    }
    out_str(f->o, "]");
}

static void dump_arguments(Out *o, const Arguments *a) {
    static const Arguments empty;
    if (!a) a = &empty;
    Fields f = node_open(o, "arguments");
    f_args(&f, "posonlyargs", a->posonlyargs);
    f_args(&f, "args", a->args);
    if (a->vararg) { field(&f, "vararg"); dump_arg(o, a->vararg); }
    f_args(&f, "kwonlyargs", a->kwonlyargs);
    f_exprs(&f, "kw_defaults", a->kw_defaults);
    if (a->kwarg) { field(&f, "kwarg"); dump_arg(o, a->kwarg); }
    f_exprs(&f, "defaults", a->defaults);
    node_close(&f, NULL);
}

static void f_keywords(Fields *f, const char *name, KeywordSeq s) {
    field(f, name);
    out_str(f->o, "[");
    for (int i = 0; i < s.len; i++) {
        if (i) out_str(f->o, ", ");
        Fields k = node_open(f->o, "keyword");
        f_opt_str(&k, "arg", s.items[i]->arg);
        f_expr(&k, "value", s.items[i]->value);
        node_close(&k, &s.items[i]->loc);
    }
    out_str(f->o, "]");
}

static void f_aliases(Fields *f, const char *name, AliasSeq s) {
    field(f, name);
    out_str(f->o, "[");
    for (int i = 0; i < s.len; i++) {
        if (i) out_str(f->o, ", ");
        Fields a = node_open(f->o, "alias");
        f_str(&a, "name", s.items[i]->name);
        f_opt_str(&a, "asname", s.items[i]->asname);
        node_close(&a, &s.items[i]->loc);
    }
    out_str(f->o, "]");
}

static void f_comprehensions(Fields *f, const char *name, ComprehensionSeq s) {
    field(f, name);
    out_str(f->o, "[");
    for (int i = 0; i < s.len; i++) {
        const Comprehension *c = s.items[i];
        if (i) out_str(f->o, ", ");
        Fields g = node_open(f->o, "comprehension");
        f_expr(&g, "target", c->target);
        f_expr(&g, "iter", c->iter);
        f_exprs(&g, "ifs", c->ifs);
        f_int(&g, "is_async", c->is_async ? 1 : 0);
        node_close(&g, NULL);
    }
    out_str(f->o, "]");
}

static void dump_expr(Out *o, const Expr *e) {
    Fields f;
    switch (e->kind) {
    case E_BOOLOP:
        f = node_open(o, "BoolOp");
        f_raw(&f, "op", e->v.boolop.op == BOOL_AND ? "And()" : "Or()");
        f_exprs(&f, "values", e->v.boolop.values);
        break;
    case E_NAMEDEXPR:
        f = node_open(o, "NamedExpr");
        f_expr(&f, "target", e->v.namedexpr.target);
        f_expr(&f, "value", e->v.namedexpr.value);
        break;
    case E_BINOP:
        f = node_open(o, "BinOp");
        f_expr(&f, "left", e->v.binop.left);
        f_raw(&f, "op", operator_names[e->v.binop.op]);
        f_expr(&f, "right", e->v.binop.right);
        break;
    case E_UNARYOP:
        f = node_open(o, "UnaryOp");
        f_raw(&f, "op", unaryop_names[e->v.unaryop.op]);
        f_expr(&f, "operand", e->v.unaryop.operand);
        break;
    case E_LAMBDA:
        f = node_open(o, "Lambda");
        field(&f, "args");
        dump_arguments(o, e->v.lambda.args);
        f_expr(&f, "body", e->v.lambda.body);
        break;
    case E_IFEXP:
        f = node_open(o, "IfExp");
        f_expr(&f, "test", e->v.ifexp.test);
        f_expr(&f, "body", e->v.ifexp.body);
        f_expr(&f, "orelse", e->v.ifexp.orelse);
        break;
    case E_DICT:
        f = node_open(o, "Dict");
        f_exprs(&f, "keys", e->v.dict.keys);
        f_exprs(&f, "values", e->v.dict.values);
        break;
    case E_SET:
        f = node_open(o, "Set");
        f_exprs(&f, "elts", e->v.set.elts);
        break;
    case E_LISTCOMP:
    case E_SETCOMP:
    case E_GENEXP:
        f = node_open(o, e->kind == E_LISTCOMP ? "ListComp" : e->kind == E_SETCOMP ? "SetComp" : "GeneratorExp");
        f_expr(&f, "elt", e->v.comp.elt);
        f_comprehensions(&f, "generators", e->v.comp.generators);
        break;
    case E_DICTCOMP:
        f = node_open(o, "DictComp");
        f_expr(&f, "key", e->v.comp.key);
        f_expr(&f, "value", e->v.comp.value);
        f_comprehensions(&f, "generators", e->v.comp.generators);
        break;
    case E_AWAIT:
        f = node_open(o, "Await");
        f_expr(&f, "value", e->v.await_.value);
        break;
    case E_YIELD:
        f = node_open(o, "Yield");
        f_opt(&f, "value", e->v.yield.value);
        break;
    case E_YIELDFROM:
        f = node_open(o, "YieldFrom");
        f_expr(&f, "value", e->v.yieldfrom.value);
        break;
    case E_COMPARE:
        f = node_open(o, "Compare");
        f_expr(&f, "left", e->v.compare.left);
        field(&f, "ops");
        out_str(o, "[");
        for (int i = 0; i < e->v.compare.n; i++) {
            if (i) out_str(o, ", ");
            out_str(o, cmpop_names[e->v.compare.ops[i]]);
        }
        out_str(o, "]");
        f_exprs(&f, "comparators", e->v.compare.comparators);
        break;
    case E_CALL:
        f = node_open(o, "Call");
        f_expr(&f, "func", e->v.call.func);
        f_exprs(&f, "args", e->v.call.args);
        f_keywords(&f, "keywords", e->v.call.keywords);
        break;
    case E_FORMATTEDVALUE:
        f = node_open(o, "FormattedValue");
        f_expr(&f, "value", e->v.formattedvalue.value);
        f_int(&f, "conversion", e->v.formattedvalue.conversion);
        f_opt(&f, "format_spec", e->v.formattedvalue.format_spec);
        break;
    case E_JOINEDSTR:
        f = node_open(o, "JoinedStr");
        f_exprs(&f, "values", e->v.joinedstr.values);
        break;
    case E_CONSTANT:
        f = node_open(o, "Constant");
        field(&f, "value");
        repr_constant(o, &e->v.constant);
        if (e->v.constant.is_u) f_raw(&f, "kind", "'u'");
        break;
    case E_ATTRIBUTE:
        f = node_open(o, "Attribute");
        f_expr(&f, "value", e->v.attribute.value);
        f_str(&f, "attr", e->v.attribute.attr);
        f_raw(&f, "ctx", ctx_name(e->v.attribute.ctx));
        break;
    case E_SUBSCRIPT:
        f = node_open(o, "Subscript");
        f_expr(&f, "value", e->v.subscript.value);
        f_expr(&f, "slice", e->v.subscript.slice);
        f_raw(&f, "ctx", ctx_name(e->v.subscript.ctx));
        break;
    case E_STARRED:
        f = node_open(o, "Starred");
        f_expr(&f, "value", e->v.starred.value);
        f_raw(&f, "ctx", ctx_name(e->v.starred.ctx));
        break;
    case E_NAME:
        f = node_open(o, "Name");
        f_str(&f, "id", e->v.name.id);
        f_raw(&f, "ctx", ctx_name(e->v.name.ctx));
        break;
    case E_LIST:
    case E_TUPLE:
        f = node_open(o, e->kind == E_LIST ? "List" : "Tuple");
        f_exprs(&f, "elts", e->v.list.elts);
        f_raw(&f, "ctx", ctx_name(e->v.list.ctx));
        break;
    case E_SLICE:
        f = node_open(o, "Slice");
        f_opt(&f, "lower", e->v.slice.lower);
        f_opt(&f, "upper", e->v.slice.upper);
        f_opt(&f, "step", e->v.slice.step);
        break;
    default:
        f = node_open(o, "?");
        break;
    }
    node_close(&f, &e->loc);
}

static void dump_handlers(Fields *f, ExceptHandlerSeq s) {
    field(f, "handlers");
    out_str(f->o, "[");
    for (int i = 0; i < s.len; i++) {
        const ExceptHandler *h = s.items[i];
        if (i) out_str(f->o, ", ");
        Fields g = node_open(f->o, "ExceptHandler");
        f_opt(&g, "type", h->type);
        f_opt_str(&g, "name", h->name);
        f_stmts(&g, "body", h->body);
        node_close(&g, &h->loc);
    }
    out_str(f->o, "]");
}

static void dump_stmt(Out *o, const Stmt *s) {
    Fields f;
    switch (s->kind) {
    case S_FUNCTIONDEF:
        f = node_open(o, s->v.funcdef.is_async ? "AsyncFunctionDef" : "FunctionDef");
        f_str(&f, "name", s->v.funcdef.name);
        field(&f, "args");
        dump_arguments(o, s->v.funcdef.args);
        f_stmts(&f, "body", s->v.funcdef.body);
        f_exprs(&f, "decorator_list", s->v.funcdef.decorator_list);
        f_opt(&f, "returns", s->v.funcdef.returns);
        break;
    case S_CLASSDEF:
        f = node_open(o, "ClassDef");
        f_str(&f, "name", s->v.classdef.name);
        f_exprs(&f, "bases", s->v.classdef.bases);
        f_keywords(&f, "keywords", s->v.classdef.keywords);
        f_stmts(&f, "body", s->v.classdef.body);
        f_exprs(&f, "decorator_list", s->v.classdef.decorator_list);
        break;
    case S_RETURN:
        f = node_open(o, "Return");
        f_opt(&f, "value", s->v.return_.value);
        break;
    case S_DELETE:
        f = node_open(o, "Delete");
        f_exprs(&f, "targets", s->v.delete_.targets);
        break;
    case S_ASSIGN:
        f = node_open(o, "Assign");
        f_exprs(&f, "targets", s->v.assign.targets);
        f_expr(&f, "value", s->v.assign.value);
        break;
    case S_AUGASSIGN:
        f = node_open(o, "AugAssign");
        f_expr(&f, "target", s->v.augassign.target);
        f_raw(&f, "op", operator_names[s->v.augassign.op]);
        f_expr(&f, "value", s->v.augassign.value);
        break;
    case S_ANNASSIGN:
        f = node_open(o, "AnnAssign");
        f_expr(&f, "target", s->v.annassign.target);
        f_expr(&f, "annotation", s->v.annassign.annotation);
        f_opt(&f, "value", s->v.annassign.value);
        f_int(&f, "simple", s->v.annassign.simple ? 1 : 0);
        break;
    case S_FOR:
        f = node_open(o, s->v.for_.is_async ? "AsyncFor" : "For");
        f_expr(&f, "target", s->v.for_.target);
        f_expr(&f, "iter", s->v.for_.iter);
        f_stmts(&f, "body", s->v.for_.body);
        f_stmts(&f, "orelse", s->v.for_.orelse);
        break;
    case S_WHILE:
    case S_IF:
        f = node_open(o, s->kind == S_WHILE ? "While" : "If");
        f_expr(&f, "test", s->v.if_.test);
        f_stmts(&f, "body", s->v.if_.body);
        f_stmts(&f, "orelse", s->v.if_.orelse);
        break;
    case S_WITH:
        f = node_open(o, s->v.with.is_async ? "AsyncWith" : "With");
        field(&f, "items");
        out_str(o, "[");
        for (int i = 0; i < s->v.with.items.len; i++) {
            const WithItem *w = s->v.with.items.items[i];
            if (i) out_str(o, ", ");
            Fields g = node_open(o, "withitem");
            f_expr(&g, "context_expr", w->context_expr);
            f_opt(&g, "optional_vars", w->optional_vars);
            node_close(&g, NULL);
        }
        out_str(o, "]");
        f_stmts(&f, "body", s->v.with.body);
        break;
    case S_RAISE:
        f = node_open(o, "Raise");
        f_opt(&f, "exc", s->v.raise.exc);
        f_opt(&f, "cause", s->v.raise.cause);
        break;
    case S_TRY:
        f = node_open(o, s->v.try_.is_star ? "TryStar" : "Try");
        f_stmts(&f, "body", s->v.try_.body);
        dump_handlers(&f, s->v.try_.handlers);
        f_stmts(&f, "orelse", s->v.try_.orelse);
        f_stmts(&f, "finalbody", s->v.try_.finalbody);
        break;
    case S_ASSERT:
        f = node_open(o, "Assert");
        f_expr(&f, "test", s->v.assert_.test);
        f_opt(&f, "msg", s->v.assert_.msg);
        break;
    case S_IMPORT:
        f = node_open(o, "Import");
        f_aliases(&f, "names", s->v.import.names);
        break;
    case S_IMPORTFROM:
        f = node_open(o, "ImportFrom");
        f_opt_str(&f, "module", s->v.importfrom.module);
        f_aliases(&f, "names", s->v.importfrom.names);
        f_int(&f, "level", s->v.importfrom.level);
        break;
    case S_GLOBAL:
    case S_NONLOCAL:
        f = node_open(o, s->kind == S_GLOBAL ? "Global" : "Nonlocal");
        field(&f, "names");
        out_str(o, "[");
        for (int i = 0; i < s->v.global.n; i++) {
            if (i) out_str(o, ", ");
            repr_str(o, s->v.global.names[i], strlen(s->v.global.names[i]));
        }
        out_str(o, "]");
        break;
    case S_EXPR:
        f = node_open(o, "Expr");
        f_expr(&f, "value", s->v.expr.value);
        break;
    case S_PASS: f = node_open(o, "Pass"); break;
    case S_BREAK: f = node_open(o, "Break"); break;
    case S_CONTINUE: f = node_open(o, "Continue"); break;
    default: f = node_open(o, "?"); break;
    }
    node_close(&f, &s->loc);
}

static void dump_stmts(Out *o, StmtSeq s) {
    out_str(o, "[");
    for (int i = 0; i < s.len; i++) {
        if (i) out_str(o, ", ");
        dump_stmt(o, s.items[i]);
    }
    out_str(o, "]");
}

static const char *finish(Arena *a, Out *o) {
    const char *r = NULL;
    if (!o->oom) r = arena_strndup(a, o->data ? o->data : "", o->len);
    free(o->data);
    return r;
}

const char *ast_dump_module_ex(Arena *a, const Module *m, bool include_attributes) {
    Out o = {0};
    o.attrs = include_attributes;
    Fields f = node_open(&o, "Module");
    f_stmts(&f, "body", m->body);
    f_raw(&f, "type_ignores", "[]");
    node_close(&f, NULL);
    return finish(a, &o);
}

const char *ast_dump_module(Arena *a, const Module *m) {
    return ast_dump_module_ex(a, m, false);
}

const char *ast_dump_expr(Arena *a, const Expr *e) {
    Out o = {0};
    dump_expr(&o, e);
    return finish(a, &o);
}
