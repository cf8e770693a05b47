// Unit tests of compiler/lexer.c: token kinds and positions, indentation,
// numbers, strings and their escapes, and the tokenizer's errors, checked
// against what CPython 3.11's tokenizer does.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/lexer.h"

// Tokenizes src and renders the tokens as "KIND[text]@line:col-line:col ..."
// (text only for NAME, NUMBER, STRING, OP), or "ERROR: msg@line:col" at an error.
static char *render(const char *src, bool positions) {
    static char out[8192];
    Arena a;
    arena_init(&a);
    Lexer lx;
    ck_assert(lexer_init(&lx, &a, src, strlen(src)));
    size_t n = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 1000; guard++) {
        Token t = lexer_next(&lx);
        if (t.kind == TOK_ERRORTOKEN) {
            n += (size_t)snprintf(out + n, sizeof out - n, "ERROR(%s): %s@%d:%d", lx.error.exc,
                                  lx.error.msg, lx.error.lineno, lx.error.col_offset);
            break;
        }
        const char *sp = token_kind_spelling(t.kind);
        if (t.kind == TOK_NAME || t.kind == TOK_NUMBER || t.kind == TOK_STRING || t.kind == TOK_OP)
            n += (size_t)snprintf(out + n, sizeof out - n, "%s[%.*s]", sp, t.len, t.start);
        else
            n += (size_t)snprintf(out + n, sizeof out - n, "%s", sp);
        if (positions)
            n += (size_t)snprintf(out + n, sizeof out - n, "@%d:%d-%d:%d", t.lineno, t.col_offset,
                                  t.end_lineno, t.end_col_offset);
        if (t.kind == TOK_ENDMARKER) break;
        n += (size_t)snprintf(out + n, sizeof out - n, " ");
    }
    arena_free(&a);
    return out;
}

#define TOKENS(src, expected) ck_assert_str_eq(render(src, false), expected)
#define TOKENS_AT(src, expected) ck_assert_str_eq(render(src, true), expected)

START_TEST(test_simple_tokens) {
    TOKENS("x = 1\n", "name[x] = number[1] newline end of input");
    TOKENS("x = 1", "name[x] = number[1] newline end of input");
    TOKENS("", "end of input");
    TOKENS("\n\n# only comments\n", "end of input");
    TOKENS("if not a: pass", "if not name[a] : pass newline end of input");
    TOKENS("async def f(): await x",
           "async def name[f] ( ) : await name[x] newline end of input");
    TOKENS("True False None", "True False None newline end of input");
    TOKENS("iff elsewhere", "name[iff] name[elsewhere] newline end of input");
}
END_TEST

START_TEST(test_operators) {
    TOKENS("a := b -> c ** d // e @ f",
           "name[a] := name[b] -> name[c] ** name[d] // name[e] @ name[f] newline end of input");
    TOKENS("a **= b //= c @= d >>= e <<= f",
           "name[a] **= name[b] //= name[c] @= name[d] >>= name[e] <<= name[f] newline end of input");
    TOKENS("a != b <= c >= d == e < f > g",
           "name[a] != name[b] <= name[c] >= name[d] == name[e] < name[f] > name[g] newline end of input");
    TOKENS("x[...] . .. ...", "name[x] [ ... ] . . . ... newline end of input");
    TOKENS("a += 1; b -= 2", "name[a] += number[1] ; name[b] -= number[2] newline end of input");
    TOKENS("$ ? ! <>", "operator[$] operator[?] operator[!] operator[<>] newline end of input");
    TOKENS("~a ^ b | c & d % e", "~ name[a] ^ name[b] | name[c] & name[d] % name[e] newline end of input");
}
END_TEST

START_TEST(test_positions) {
    TOKENS_AT("x = 1\n",
              "name[x]@1:0-1:1 =@1:2-1:3 number[1]@1:4-1:5 newline@1:5-1:5 end of input@1:-1-1:-1");
    // A NEWLINE token after a comment starts at the '#'.
    TOKENS_AT("a  # c\n", "name[a]@1:0-1:1 newline@1:3-1:6 end of input@1:-1-1:-1");
    // Multi-line strings start on their first line.
    TOKENS_AT("s = '''a\nb'''\n",
              "name[s]@1:0-1:1 =@1:2-1:3 string['''a\nb''']@1:4-2:4 newline@2:4-2:4 end of input@2:-1-2:-1");
    // Columns are UTF-8 bytes.
    TOKENS_AT("é = 1", "name[é]@1:0-1:2 =@1:3-1:4 number[1]@1:5-1:6 newline@1:6-1:6 end of input@1:-1-1:-1");
}
END_TEST

START_TEST(test_indentation) {
    TOKENS("if x:\n    a\n    b\nc\n",
           "if name[x] : newline indent name[a] newline name[b] newline dedent name[c] newline end of input");
    TOKENS("if x:\n  if y:\n    a\nb\n",
           "if name[x] : newline indent if name[y] : newline indent name[a] newline dedent dedent "
           "name[b] newline end of input");
    // Dedents at end of input.
    TOKENS("if x:\n    a", "if name[x] : newline indent name[a] newline dedent end of input");
    // Blank and comment lines do not count.
    TOKENS("if x:\n\n  # c\n    a\n", "if name[x] : newline indent name[a] newline dedent end of input");
    // Tabs go to multiples of 8, consistently.
    TOKENS("if x:\n\ta\n\tb\n",
           "if name[x] : newline indent name[a] newline name[b] newline dedent end of input");
    // Inside brackets newlines and indentation are ignored.
    TOKENS("x = (1,\n        2)\n", "name[x] = ( number[1] , number[2] ) newline end of input");
    // Backslash continuation.
    TOKENS("x = 1 + \\\n    2\n", "name[x] = number[1] + number[2] newline end of input");
    // Form feed resets the column.
    TOKENS("if x:\n    a\n\f    b\n",
           "if name[x] : newline indent name[a] newline name[b] newline dedent end of input");
    // \r\n and \r are newlines.
    TOKENS("a\r\nb\rc", "name[a] newline name[b] newline name[c] newline end of input");
}
END_TEST

START_TEST(test_indentation_errors) {
    TOKENS("if x:\n    a\n  b\n",
           "if name[x] : newline indent name[a] newline "
           "ERROR(IndentationError): unindent does not match any outer indentation level@3:3");
    // A tab and 8 spaces are the same column but not the same indentation.
    TOKENS("if x:\n\ta\n        b\n",
           "if name[x] : newline indent name[a] newline "
           "ERROR(TabError): inconsistent use of tabs and spaces in indentation@3:0");
    TOKENS("if x:\n        a\n\tb\n", "if name[x] : newline indent name[a] newline "
                                       "ERROR(TabError): inconsistent use of tabs and spaces in indentation@3:0");
    TOKENS("if x:\n    a\n\tb\n", "if name[x] : newline indent name[a] newline "
                                   "ERROR(TabError): inconsistent use of tabs and spaces in indentation@3:0");
    // 100 levels is CPython's limit.
    char buf[20000];
    size_t n = 0;
    for (int i = 0; i < 101; i++) {
        for (int j = 0; j < i; j++) buf[n++] = ' ';
        n += (size_t)sprintf(buf + n, "if x:\n");
    }
    buf[n] = '\0';
    ck_assert_ptr_nonnull(strstr(render(buf, false), "ERROR(IndentationError): too many levels of indentation"));
}
END_TEST

START_TEST(test_numbers) {
    TOKENS("0 00 0_0 123 1_000 0xff 0XFF 0x_f 0o17 0b1_01",
           "number[0] number[00] number[0_0] number[123] number[1_000] number[0xff] number[0XFF] "
           "number[0x_f] number[0o17] number[0b1_01] newline end of input");
    TOKENS("1. .5 1.5 1e3 1E-3 1_0.0_1e+1_0 1j 1.5J .5j 0e0",
           "number[1.] number[.5] number[1.5] number[1e3] number[1E-3] number[1_0.0_1e+1_0] number[1j] "
           "number[1.5J] number[.5j] number[0e0] newline end of input");
    // A number followed by a keyword is still a number (CPython only warns).
    TOKENS("1if x else 2", "number[1] if name[x] else number[2] newline end of input");
    TOKENS("0o1for", "number[0o1] for newline end of input");
    TOKENS("0x1for", "number[0x1f] or newline end of input");
    TOKENS("1e", "ERROR(SyntaxError): invalid decimal literal@1:0");
    TOKENS("1_", "ERROR(SyntaxError): invalid decimal literal@1:1");
    TOKENS("1__0", "ERROR(SyntaxError): invalid decimal literal@1:1");
    TOKENS("1abc", "ERROR(SyntaxError): invalid decimal literal@1:0");
    TOKENS("0x", "ERROR(SyntaxError): invalid hexadecimal literal@1:1");
    TOKENS("0o8", "ERROR(SyntaxError): invalid digit '8' in octal literal@1:2");
    TOKENS("0b2", "ERROR(SyntaxError): invalid digit '2' in binary literal@1:2");
    TOKENS("0b", "ERROR(SyntaxError): invalid binary literal@1:1");
    TOKENS("0777",
           "ERROR(SyntaxError): leading zeros in decimal integer literals are not permitted; "
           "use an 0o prefix for octal integers@1:0");
    TOKENS("1jx", "ERROR(SyntaxError): invalid imaginary literal@1:1");
}
END_TEST

START_TEST(test_number_values) {
    Arena a;
    arena_init(&a);
    const char *d;
    size_t n;
    double f;
    ck_assert_int_eq(lexer_number_value(&a, "1_000", 5, &d, &n, &f), 'i');
    ck_assert_str_eq(d, "1000");
    ck_assert_int_eq(lexer_number_value(&a, "0xff", 4, &d, &n, &f), 'i');
    ck_assert_str_eq(d, "255");
    ck_assert_int_eq(lexer_number_value(&a, "0o777", 5, &d, &n, &f), 'i');
    ck_assert_str_eq(d, "511");
    ck_assert_int_eq(lexer_number_value(&a, "0b1010", 6, &d, &n, &f), 'i');
    ck_assert_str_eq(d, "10");
    ck_assert_int_eq(lexer_number_value(&a, "000", 3, &d, &n, &f), 'i');
    ck_assert_str_eq(d, "0");
    const char *big = "0xffffffffffffffffffffffffffffffff";
    ck_assert_int_eq(lexer_number_value(&a, big, (int)strlen(big), &d, &n, &f), 'i');
    ck_assert_str_eq(d, "340282366920938463463374607431768211455");
    ck_assert_int_eq(lexer_number_value(&a, "1_0.5e1", 7, &d, &n, &f), 'f');
    ck_assert(f == 105.0);
    ck_assert_int_eq(lexer_number_value(&a, "2.5j", 4, &d, &n, &f), 'j');
    ck_assert(f == 2.5);
    ck_assert_int_eq(lexer_number_value(&a, "1e999", 5, &d, &n, &f), 'f');
    ck_assert(f > 1e308);
    arena_free(&a);
}
END_TEST

START_TEST(test_strings) {
    TOKENS("'a' \"b\" '''c''' \"\"\"d\"\"\"",
           "string['a'] string[\"b\"] string['''c'''] string[\"\"\"d\"\"\"] newline end of input");
    TOKENS("r'a' b'b' br'c' Rb'd' f'e' rf'g' FR'h' u'i' U'j'",
           "string[r'a'] string[b'b'] string[br'c'] string[Rb'd'] string[f'e'] string[rf'g'] "
           "string[FR'h'] string[u'i'] string[U'j'] newline end of input");
    // ur and bf are not prefixes: they are names followed by a string.
    TOKENS("ur'x'", "name[ur] string['x'] newline end of input");
    TOKENS("bf'x'", "name[bf] string['x'] newline end of input");
    TOKENS("'it\\'s' 'a\\\\'", "string['it\\'s'] string['a\\\\'] newline end of input");
    TOKENS("'''a\nb\n'''", "string['''a\nb\n'''] newline end of input");
    TOKENS("'a\\\nb'", "string['a\\\nb'] newline end of input");
    TOKENS("x = 'abc", "name[x] = ERROR(SyntaxError): unterminated string literal (detected at line 1)@1:4");
    TOKENS("x = '''abc\n\ny",
           "name[x] = ERROR(SyntaxError): unterminated triple-quoted string literal (detected at line 3)@1:4");
}
END_TEST

static const char *decode(const char *body, bool bytes, char *msg) {
    static char out[256];
    Arena a;
    arena_init(&a);
    char *s;
    size_t n;
    msg[0] = '\0';
    if (!lexer_decode_string(&a, body, strlen(body), bytes, &s, &n, msg, 256)) {
        arena_free(&a);
        return NULL;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    arena_free(&a);
    return out;
}

START_TEST(test_escapes) {
    char msg[256];
    ck_assert_str_eq(decode("a\\n\\t\\r\\\\\\'\\\"", false, msg), "a\n\t\r\\'\"");
    ck_assert_str_eq(decode("\\a\\b\\f\\v", false, msg), "\a\b\f\v");
    ck_assert_str_eq(decode("\\x41\\101\\0", false, msg), "AA");
    ck_assert_str_eq(decode("\\u00e9\\U0001F600", false, msg), "é\xF0\x9F\x98\x80");
    ck_assert_str_eq(decode("\\N{BULLET}", false, msg), "\xE2\x80\xA2");
    ck_assert_str_eq(decode("\\d\\q", false, msg), "\\d\\q");       // kept, as in CPython
    ck_assert_str_eq(decode("a\\\nb", false, msg), "ab");           // line continuation
    ck_assert_str_eq(decode("\\u1234", true, msg), "\\u1234");      // not an escape in bytes
    ck_assert_str_eq(decode("\\xff", true, msg), "\xff");

    ck_assert_ptr_null(decode("\\x4", false, msg));
    ck_assert_str_eq(msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                          "truncated \\xXX escape");
    ck_assert_ptr_null(decode("ab\\u12", false, msg));
    ck_assert_str_eq(msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-5: "
                          "truncated \\uXXXX escape");
    ck_assert_ptr_null(decode("\\U00110000", false, msg));
    ck_assert_str_eq(msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
                          "illegal Unicode character");
    // Positions count each non-ASCII character as 10 (CPython's \U rewrite).
    ck_assert_ptr_null(decode("é\\x", false, msg));
    ck_assert_str_eq(msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: "
                          "truncated \\xXX escape");
    ck_assert_ptr_null(decode("\\N{NO SUCH NAME}", false, msg));
    ck_assert_str_eq(msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: "
                          "unknown Unicode character name");
    ck_assert_ptr_null(decode("\\N", false, msg));
    ck_assert_str_eq(msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                          "malformed \\N character escape");
    ck_assert_ptr_null(decode("xy\\x1", true, msg));
    ck_assert_str_eq(msg, "(value error) invalid \\x escape at position 2");
}
END_TEST

START_TEST(test_string_parts) {
    Token t = {.kind = TOK_STRING, .start = "Rb'''x'''", .len = 9};
    StringParts sp;
    lexer_string_parts(&t, &sp);
    ck_assert(sp.raw && sp.bytes && !sp.fstring && !sp.u_prefix);
    ck_assert_int_eq(sp.quote_size, 3);
    ck_assert_int_eq((int)sp.body_len, 1);
    ck_assert_int_eq(sp.body[0], 'x');
    Token u = {.kind = TOK_STRING, .start = "u''", .len = 3};
    lexer_string_parts(&u, &sp);
    ck_assert(sp.u_prefix);
    ck_assert_int_eq((int)sp.body_len, 0);
}
END_TEST

START_TEST(test_bad_characters) {
    TOKENS("x = 1 \xE2\x80\xA6", "name[x] = number[1] ERROR(SyntaxError): invalid character '\xE2\x80\xA6' (U+2026)@1:6");
    TOKENS("x = \xC2\xA0", "name[x] = ERROR(SyntaxError): invalid non-printable character U+00A0@1:4");
    TOKENS("x\x01", "name[x] ERROR(SyntaxError): invalid non-printable character U+0001@1:1");
    TOKENS("caf\xC3\xA9 = 1", "name[caf\xC3\xA9] = number[1] newline end of input");
    TOKENS("a\xE2\x82\xAC" "b", "ERROR(SyntaxError): invalid character '\xE2\x82\xAC' (U+20AC)@1:1");
    TOKENS("x = 1 \\ 2", "name[x] = number[1] "
                         "ERROR(SyntaxError): unexpected character after line continuation character@1:7");
    TOKENS("x = 1 + \\", "name[x] = number[1] + ERROR(SyntaxError): unexpected EOF while parsing@1:9");
}
END_TEST

START_TEST(test_brackets) {
    TOKENS("x = (1, 2]", "name[x] = ( number[1] , number[2] "
                         "ERROR(SyntaxError): closing parenthesis ']' does not match opening parenthesis '('@1:9");
    TOKENS("x = (1,\n2]", "name[x] = ( number[1] , number[2] ERROR(SyntaxError): closing parenthesis ']' "
                          "does not match opening parenthesis '(' on line 1@2:1");
    TOKENS(")", "ERROR(SyntaxError): unmatched ')'@1:0");
    TOKENS("f(", "name[f] ( ERROR(SyntaxError): '(' was never closed@1:1");
    char deep[300];
    memset(deep, '(', 201);
    deep[201] = '\0';
    ck_assert_ptr_nonnull(strstr(render(deep, false), "ERROR(SyntaxError): too many nested parentheses@1:200"));
}
END_TEST

START_TEST(test_interactive_blank_line) {
    Arena a;
    arena_init(&a);
    Lexer lx;
    const char *src = "if x:\n    a\n\n";
    ck_assert(lexer_init(&lx, &a, src, strlen(src)));
    lx.interactive = true;
    TokenKind want[] = {TOK_KW_IF, TOK_NAME, TOK_COLON, TOK_NEWLINE, TOK_INDENT, TOK_NAME, TOK_NEWLINE,
                        TOK_DEDENT, TOK_NEWLINE, TOK_ENDMARKER};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) ck_assert_int_eq(lexer_next(&lx).kind, want[i]);
    arena_free(&a);
}
END_TEST

START_TEST(test_unicode_properties) {
    ck_assert(lexer_is_xid_start('a') && lexer_is_xid_start('_') && !lexer_is_xid_start('1'));
    ck_assert(lexer_is_xid_start(0xE9) && lexer_is_xid_start(0x65E5));    // é, 日
    ck_assert(!lexer_is_xid_start(0x2026) && lexer_is_xid_continue(0x0301));
    ck_assert(lexer_is_printable('a') && !lexer_is_printable('\n') && !lexer_is_printable(0x7F));
    ck_assert(lexer_is_printable(0xE9) && !lexer_is_printable(0xA0) && !lexer_is_printable(0x200B));
    uint32_t cp;
    ck_assert_int_eq(lexer_utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
    ck_assert_uint_eq(cp, 0x1F600);
    ck_assert_int_eq(lexer_utf8_decode((const unsigned char *)"\xC0\x80", 2, &cp), 0);   // overlong
    ck_assert_int_eq(lexer_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0); // surrogate
    ck_assert_str_eq(token_kind_spelling(TOK_DOUBLESTAREQUAL), "**=");
    ck_assert_str_eq(token_kind_spelling(TOK_KW_NONLOCAL), "nonlocal");
}
END_TEST

static Suite *lexer_suite(void) {
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_simple_tokens);
    tcase_add_test(tc, test_operators);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_indentation);
    tcase_add_test(tc, test_indentation_errors);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_number_values);
    tcase_add_test(tc, test_strings);
    tcase_add_test(tc, test_escapes);
    tcase_add_test(tc, test_string_parts);
    tcase_add_test(tc, test_bad_characters);
    tcase_add_test(tc, test_brackets);
    tcase_add_test(tc, test_interactive_blank_line);
    tcase_add_test(tc, test_unicode_properties);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(lexer_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
