// Unit tests of compiler/parser.c and compiler/ast.c: the AST (printed as
// CPython's ast.dump prints it), operator precedence, locations, error
// messages and positions, incomplete-input detection for the REPL, deep
// nesting, and robustness on arbitrary bytes. Expected values were taken
// from CPython 3.11 (columns here are 0-based UTF-8 bytes).
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast.h"
#include "compiler/parser.h"

// Parses src and returns its ast.dump() text, or "Kind: msg (L:C-EL:EC)".
static char *parse_mode(const char *src, size_t len, ParseMode mode, bool attrs) {
    static char out[65536];
    Arena a;
    arena_init(&a);
    ParseError err;
    Module *m = parse_source(&a, src, len, mode, &err);
    if (m) {
        const char *d = ast_dump_module_ex(&a, m, attrs);
        ck_assert_ptr_nonnull(d);
        snprintf(out, sizeof out, "%s", d);
    } else {
        snprintf(out, sizeof out, "%s: %s (%d:%d-%d:%d)%s", err.kind, err.msg, err.lineno, err.col_offset,
                 err.end_lineno, err.end_col_offset, err.incomplete ? " incomplete" : "");
    }
    arena_free(&a);
    return out;
}

static char *parse(const char *src) { return parse_mode(src, strlen(src), PARSE_FILE, false); }

// The dump of the value of the first statement (an expression statement).
static char *expr(const char *src) {
    static char buf[65536];
    char *d = parse(src);
    const char *p = strstr(d, "Expr(value=");
    ck_assert_msg(p != NULL, "not an expression: %s -> %s", src, d);
    p += strlen("Expr(value=");
    snprintf(buf, sizeof buf, "%s", p);
    buf[strlen(buf) - strlen(")], type_ignores=[])")] = '\0';
    return buf;
}

#define AST(src, expected) ck_assert_str_eq(parse(src), expected)
#define EXPR(src, expected) ck_assert_str_eq(expr(src), expected)
#define ERROR(src, expected) ck_assert_str_eq(parse(src), expected)

START_TEST(test_module_dump) {
    AST("print(1)\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value=1)], "
        "keywords=[]))], type_ignores=[])");
    AST("", "Module(body=[], type_ignores=[])");
    AST("x = y = 1",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], "
        "value=Constant(value=1))], type_ignores=[])");
    AST("def f(a, /, b=1, *c, d, e=2, **g) -> int: return",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], "
        "vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], "
        "kwarg=arg(arg='g'), defaults=[Constant(value=1)]), body=[Return()], decorator_list=[], "
        "returns=Name(id='int', ctx=Load()))], type_ignores=[])");
    AST("from .. import (a as b, c)",
        "Module(body=[ImportFrom(names=[alias(name='a', asname='b'), alias(name='c')], level=2)], "
        "type_ignores=[])");
    AST("del a[0], b.c",
        "Module(body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), "
        "ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del())])], type_ignores=[])");
    AST("for a, *b in c: pass",
        "Module(body=[For(target=Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', "
        "ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='c', ctx=Load()), body=[Pass()], "
        "orelse=[])], type_ignores=[])");
    AST("async def f():\n    async with a as b: await c",
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
        "kw_defaults=[], defaults=[]), body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
        "optional_vars=Name(id='b', ctx=Store()))], body=[Expr(value=Await(value=Name(id='c', ctx=Load())))])], "
        "decorator_list=[])], type_ignores=[])");
    AST("x: int = 1",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), "
        "value=Constant(value=1), simple=1)], type_ignores=[])");
    AST("global a, b",
        "Module(body=[Global(names=['a', 'b'])], type_ignores=[])");
}
END_TEST

START_TEST(test_precedence) {
    EXPR("1 + 2 * 3", "BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant(value=2), "
                      "op=Mult(), right=Constant(value=3)))");
    EXPR("1 - 2 - 3", "BinOp(left=BinOp(left=Constant(value=1), op=Sub(), right=Constant(value=2)), "
                      "op=Sub(), right=Constant(value=3))");
    EXPR("2 ** 3 ** 4", "BinOp(left=Constant(value=2), op=Pow(), right=BinOp(left=Constant(value=3), "
                        "op=Pow(), right=Constant(value=4)))");
    EXPR("-x ** 2", "UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), "
                    "right=Constant(value=2)))");
    EXPR("a | b ^ c & d << e + f", "BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp("
         "left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), "
         "op=BitAnd(), right=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=BinOp("
         "left=Name(id='e', ctx=Load()), op=Add(), right=Name(id='f', ctx=Load()))))))");
    EXPR("not a == b", "UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], "
                       "comparators=[Name(id='b', ctx=Load())]))");
    EXPR("a or b and c", "BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), "
                         "values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])])");
    EXPR("a < b is not c not in d", "Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot(), NotIn()], "
                                    "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), "
                                    "Name(id='d', ctx=Load())])");
    EXPR("a if b else c if d else e", "IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), "
                                      "orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', "
                                      "ctx=Load()), orelse=Name(id='e', ctx=Load())))");
    EXPR("await a ** b", "BinOp(left=Await(value=Name(id='a', ctx=Load())), op=Pow(), "
                         "right=Name(id='b', ctx=Load()))");
    EXPR("a @ b // c % d", "BinOp(left=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=MatMult(), "
                           "right=Name(id='b', ctx=Load())), op=FloorDiv(), right=Name(id='c', ctx=Load())), "
                           "op=Mod(), right=Name(id='d', ctx=Load()))");
}
END_TEST

START_TEST(test_constants) {
    EXPR("0xff", "Constant(value=255)");
    EXPR("1_000_000", "Constant(value=1000000)");
    EXPR("123456789012345678901234567890", "Constant(value=123456789012345678901234567890)");
    EXPR("1.5", "Constant(value=1.5)");
    EXPR("1e16", "Constant(value=1e+16)");
    EXPR("1.5e-5", "Constant(value=1.5e-05)");
    EXPR("100.", "Constant(value=100.0)");
    EXPR("0.1 + 0.2", "BinOp(left=Constant(value=0.1), op=Add(), right=Constant(value=0.2))");
    EXPR("1e999", "Constant(value=inf)");
    EXPR("2j", "Constant(value=2j)");
    EXPR("1.5e20j", "Constant(value=1.5e+20j)");
    EXPR("...", "Constant(value=Ellipsis)");
    EXPR("'it''s'", "Constant(value='its')");
    EXPR("\"it's\"", "Constant(value=\"it's\")");
    EXPR("'both \\' \"'", "Constant(value='both \\' \"')");
    EXPR("'\\n\\t\\x00\\x7f\\xa0\\u200b'", "Constant(value='\\n\\t\\x00\\x7f\\xa0\\u200b')");
    EXPR("'é日😀'", "Constant(value='é日😀')");
    EXPR("'\\ud800'", "Constant(value='\\ud800')");
    EXPR("b'a\\x00\\xff\\''", "Constant(value=b\"a\\x00\\xff'\")");
    EXPR("u'x' 'y'", "Constant(value='xy', kind='u')");
    EXPR("'x' u'y'", "Constant(value='xy')");
    EXPR("rb'\\n'", "Constant(value=b'\\\\n')");
}
END_TEST

START_TEST(test_fstrings) {
    EXPR("f'{x!r:>{w}}'",
         "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, "
         "format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', "
         "ctx=Load()), conversion=-1)]))])");
    EXPR("f'a{x}b'", "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', "
                     "ctx=Load()), conversion=-1), Constant(value='b')])");
    EXPR("f'{x=}'", "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', "
                    "ctx=Load()), conversion=114)])");
    EXPR("f'{x = :>3}'", "JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', "
                         "ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>3')]))])");
    EXPR("f'{{}}'", "JoinedStr(values=[Constant(value='{}')])");
    EXPR("f''", "JoinedStr(values=[])");
    EXPR("'a' f'{b}' 'c'", "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', "
                           "ctx=Load()), conversion=-1), Constant(value='c')])");
    EXPR("f'{\"q\"}'", "JoinedStr(values=[FormattedValue(value=Constant(value='q'), conversion=-1)])");
    EXPR("f'{x:}'", "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
                    "format_spec=JoinedStr(values=[]))])");
    EXPR("f'{a, b}'", "JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='a', ctx=Load()), "
                      "Name(id='b', ctx=Load())], ctx=Load()), conversion=-1)])");
}
END_TEST

START_TEST(test_locations) {
    ck_assert_str_eq(parse_mode("x = (1 +\n  2)", 13, PARSE_FILE, true),
                     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
                     "end_lineno=1, end_col_offset=1)], value=BinOp(left=Constant(value=1, lineno=1, "
                     "col_offset=5, end_lineno=1, end_col_offset=6), op=Add(), right=Constant(value=2, "
                     "lineno=2, col_offset=2, end_lineno=2, end_col_offset=3), lineno=1, col_offset=5, "
                     "end_lineno=2, end_col_offset=3), lineno=1, col_offset=0, end_lineno=2, "
                     "end_col_offset=4)], type_ignores=[])");
    // Columns are UTF-8 bytes; f-string expressions sit where they are written.
    const char *src = "é = f'{x}'";
    ck_assert_str_eq(parse_mode(src, strlen(src), PARSE_FILE, true),
                     "Module(body=[Assign(targets=[Name(id='é', ctx=Store(), lineno=1, col_offset=0, "
                     "end_lineno=1, end_col_offset=2)], value=JoinedStr(values=[FormattedValue("
                     "value=Name(id='x', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), "
                     "conversion=-1, lineno=1, col_offset=5, end_lineno=1, end_col_offset=11)], lineno=1, "
                     "col_offset=5, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, "
                     "end_col_offset=11)], type_ignores=[])");
}
END_TEST

START_TEST(test_errors) {
    ERROR("x = (1, 2]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' (1:9-1:9)");
    ERROR("foo(", "SyntaxError: '(' was never closed (1:3-1:-1) incomplete");
    ERROR(")", "SyntaxError: unmatched ')' (1:0-1:0)");
    ERROR("a b", "SyntaxError: invalid syntax (1:2-1:3)");
    ERROR("if x\n    pass", "SyntaxError: expected ':' (1:4-1:4)");
    ERROR("x = \"abc", "SyntaxError: unterminated string literal (detected at line 1) (1:4-1:4)");
    ERROR("x = '''abc\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) (1:4-1:4) "
                           "incomplete");
    ERROR("  x = 1", "IndentationError: unexpected indent (1:1-1:-2)");
    ERROR("if x:\npass", "IndentationError: expected an indented block after 'if' statement on line 1 (2:0-2:4)");
    ERROR("def f():\nx", "IndentationError: expected an indented block after function definition on line 1 "
                         "(2:0-2:1)");
    ERROR("if x:\n    a\n  b", "IndentationError: unindent does not match any outer indentation level (3:3-3:-2)");
    ERROR("if x:\n\ta\n        b", "TabError: inconsistent use of tabs and spaces in indentation (3:0-3:-1)");
    ERROR("x = 1abc", "SyntaxError: invalid decimal literal (1:4-1:4)");
    ERROR("1 = x", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? (1:0-1:1)");
    ERROR("f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? "
                     "(1:0-1:3)");
    ERROR("(a, 1) = x", "SyntaxError: cannot assign to literal (1:4-1:5)");
    ERROR("x + 1 += 1", "SyntaxError: 'expression' is an illegal expression for augmented assignment (1:0-1:5)");
    ERROR("[a b]", "SyntaxError: invalid syntax. Perhaps you forgot a comma? (1:1-1:4)");
    ERROR("print 'x'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? (1:0-1:9)");
    ERROR("f\"{}\"", "SyntaxError: f-string: empty expression not allowed (1:5-1:5)");
    ERROR("f\"{a\"", "SyntaxError: f-string: expecting '}' (1:5-1:5)");
    ERROR("f\"{a b}\"", "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? (1:1-1:4)");
    ERROR("x = 1 \xE2\x80\xA6", "SyntaxError: invalid character '\xE2\x80\xA6' (U+2026) (1:6-1:6)");
    ERROR("x = 1 +\xC2\xA0" "2", "SyntaxError: invalid non-printable character U+00A0 (1:7-1:7)");
    ERROR("'\\x'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                   "truncated \\xXX escape (1:4-1:4)");
    ERROR("'a' b'b'", "SyntaxError: cannot mix bytes and nonbytes literals (1:8-1:8)");
    ERROR("f(x=1, y)", "SyntaxError: positional argument follows keyword argument (1:8-1:9)");
    ERROR("def f(a=1, b): pass", "SyntaxError: non-default argument follows default argument (1:11-1:12)");
    ERROR("f(a for a in b, c)", "SyntaxError: Generator expression must be parenthesized (1:2-1:14)");
    ERROR("a = 1 if b", "SyntaxError: expected 'else' after 'if' expression (1:4-1:10)");
    ERROR("try:\n    pass\nx = 1", "SyntaxError: expected 'except' or 'finally' block (3:0-3:1)");
    ERROR("x = (1,\n2\ny = 3\n", "SyntaxError: '(' was never closed (1:4-1:-1)");
    ERROR("x = 1 + \\", "SyntaxError: unexpected EOF while parsing (1:9-1:-2) incomplete");
    ERROR("del f()", "SyntaxError: cannot delete function call (1:4-1:7)");
    ERROR("for 1 in x: pass", "SyntaxError: cannot assign to literal (1:4-1:5)");
    ERROR("with a as 1: pass", "SyntaxError: cannot assign to literal (1:10-1:11)");
    ERROR("x = yield = 1", "SyntaxError: assignment to yield expression not possible (1:4-1:9)");
    ERROR("{1: 2, 3}", "SyntaxError: ':' expected after dictionary key (1:7-1:-1)");
}
END_TEST

START_TEST(test_incomplete) {
    // PARSE_SINGLE: what the REPL needs to decide between "..." and an error.
    struct { const char *src; bool ok, incomplete; } cases[] = {
        {"x = 1\n", true, false},
        {"if x:\n", false, true},
        {"if x:\n    pass\n", false, true},     // a block ends with an empty line
        {"if x:\n    pass\n\n", true, false},
        {"if x: pass\n", false, true},
        {"if x: pass\n\n", true, false},
        {"x = (1,\n", false, true},
        {"x = [\n  1,\n", false, true},
        {"x = '''abc\n", false, true},
        {"x = 1 + \\\n", false, true},
        {"@dec\n", false, true},
        {"def f():\n    return 1\n", false, true},
        {"class A:\n    def f(self):\n", false, true},
        {"try:\n    pass\n", false, true},
        {"x = 1 +\n", false, false},
        {"x = (1 2\n", false, false},
        {"'abc\n", false, false},
        {"if x:\n\n", false, false},
        {")\n", false, false},
        {"\n", true, false},
        {"", true, false},
        {"# just a comment\n", true, false},
        {"x = 1\ny = 2\n", false, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Arena a;
        arena_init(&a);
        ParseError err;
        Module *m = parse_source(&a, cases[i].src, strlen(cases[i].src), PARSE_SINGLE, &err);
        ck_assert_msg((m != NULL) == cases[i].ok, "%s: parsed=%d (%s)", cases[i].src, m != NULL, err.msg);
        if (!m)
            ck_assert_msg(err.incomplete == cases[i].incomplete, "%s: incomplete=%d (%s)", cases[i].src,
                          err.incomplete, err.msg);
        arena_free(&a);
    }
    ck_assert_str_eq(parse_mode("x = 1\ny = 2\n", 12, PARSE_SINGLE, false),
                     "SyntaxError: multiple statements found while compiling a single statement (1:5-1:5)");
}
END_TEST

START_TEST(test_eval_mode) {
    ck_assert_str_eq(parse_mode("1, 2", 4, PARSE_EVAL, false),
                     "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], "
                     "ctx=Load()))], type_ignores=[])");
    ck_assert_str_eq(parse_mode("x\n\n", 3, PARSE_EVAL, false),
                     "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])");
    ck_assert_str_eq(parse_mode("x = 1", 5, PARSE_EVAL, false), "SyntaxError: invalid syntax (1:2-1:3)");
}
END_TEST

START_TEST(test_encoding_errors) {
    ck_assert_str_eq(parse_mode("x = 1\ny = 'a\0b'\n", 15, PARSE_FILE, false),
                     "SyntaxError: source code cannot contain null bytes (2:-1-2:-1)");
    ck_assert_str_eq(parse_mode("x = '\xff'\n", 8, PARSE_FILE, false),
                     "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 5: "
                     "invalid start byte (1:-1-1:-1)");
    // A UTF-8 byte order mark is skipped.
    ck_assert_str_eq(parse_mode("\xEF\xBB\xBFx", 4, PARSE_FILE, false),
                     "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])");
}
END_TEST

// Builds prefix*n + middle + suffix*n.
static char *repeat(const char *prefix, int n, const char *middle, const char *suffix) {
    size_t lp = strlen(prefix), lm = strlen(middle), ls = strlen(suffix);
    char *s = malloc(lp * (size_t)n + lm + ls * (size_t)n + 1), *q = s;
    for (int i = 0; i < n; i++, q += lp) memcpy(q, prefix, lp);
    memcpy(q, middle, lm);
    q += lm;
    for (int i = 0; i < n; i++, q += ls) memcpy(q, suffix, ls);
    *q = '\0';
    return s;
}

START_TEST(test_deep_nesting) {
    struct { const char *prefix, *middle, *suffix; int n; const char *want; } cases[] = {
        {"(", "x", ")", 199, "Module("},
        {"(", "x", ")", 200, "Module("},
        {"(", "x", ")", 201, "SyntaxError: too many nested parentheses (1:200-1:200)"},
        {"[", "x", "]", 5000, "too many nested parentheses"},
        {"-", "x", "", 100000, "MemoryError:  (0:0-0:0)"},
        {"not ", "x", "", 100000, "MemoryError"},
        {"~", "x", "", 1000, "Module("},
        {"lambda: ", "x", "", 100000, "MemoryError"},
        {"x if y else ", "x", "", 100000, "MemoryError"},
        {"2 ** ", "x", "", 100000, "MemoryError"},
        {"a.", "b", "", 100000, "RecursionError: maximum recursion depth exceeded during compilation"},
        {"", "f", "()", 100000, "RecursionError"},
        {"", "x", "[0]", 100000, "RecursionError"},
        {"", "1", "+1", 100000, "RecursionError"},
        {"", "1", "+1", 2998, "Module("},
        {"", "1", "+1", 2999, "RecursionError"},
        {"", "1", "+1", 1000, "Module("},
        {"", "x", " and x", 100000, "Module("},       // BoolOp and Compare are flat
        {"", "x", " < x", 100000, "Module("},
        {"", "'a'", " 'a'", 100000, "Module("},
        {"", "if x: pass\n", "elif x: pass\n", 100000, "MemoryError"},
        {"", "if x: pass\n", "elif x: pass\n", 4000, "RecursionError"},
        {"", "x = 1\n", "x = 1\n", 100000, "Module("},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *src = repeat(cases[i].prefix, cases[i].n, cases[i].middle, cases[i].suffix);
        char *d = parse_mode(src, strlen(src), PARSE_FILE, false);
        ck_assert_msg(strstr(d, cases[i].want) != NULL, "%s*%d: %.200s", cases[i].prefix, cases[i].n, d);
        free(src);
    }
}
END_TEST

// Arbitrary bytes must never crash the parser (run under ASan/UBSan).
START_TEST(test_random_input) {
    static const char *pieces[] = {
        "(", ")", "[", "]", "{", "}", ":", ",", "=", "'", "\"", "'''", "f'", "{x", "}", "\\", "\n", "\t",
        "    ", "if ", "else ", "for ", "in ", "lambda ", "def ", "class ", "x", "1", "0x", "1e", "é",
        "\xff", "\x00", "*", "**", "@", "->", ":=", "not ", "yield ", "await ", "async ", "#", ";", ".",
        "\r", "\f", "b'", "r'", "print ", "del ", "import ", "from ", "with ", "as ", "try:", "except",
    };
    unsigned seed = 12345;
    char buf[512];
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = 0;
        int parts = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        for (int k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(piece);
            if (piece[0] == '\0') l = 1;    // the NUL piece
            if (n + l >= sizeof buf) break;
            memcpy(buf + n, piece, l);
            n += l;
        }
        for (ParseMode mode = PARSE_FILE; mode <= PARSE_EVAL; mode++) {
            Arena a;
            arena_init(&a);
            ParseError err;
            Module *m = parse_source(&a, buf, n, mode, &err);
            if (m) ck_assert_ptr_nonnull(ast_dump_module(&a, m));
            else ck_assert(err.msg[0] != '\0' && err.kind != NULL);
            arena_free(&a);
        }
    }
}
END_TEST

START_TEST(test_dump_expr) {
    Arena a;
    arena_init(&a);
    ParseError err;
    Module *m = parse_source(&a, "a[1:2, ::3]", 11, PARSE_EVAL, &err);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(ast_dump_expr(&a, m->body.items[0]->v.expr.value),
                     "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), "
                     "upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load())");
    arena_free(&a);
}
END_TEST

static Suite *parser_suite(void) {
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_module_dump);
    tcase_add_test(tc, test_precedence);
    tcase_add_test(tc, test_constants);
    tcase_add_test(tc, test_fstrings);
    tcase_add_test(tc, test_locations);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_incomplete);
    tcase_add_test(tc, test_eval_mode);
    tcase_add_test(tc, test_encoding_errors);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_random_input);
    tcase_add_test(tc, test_dump_expr);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(parser_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
