// Unit tests of vm/objects/str.c: creation and UTF-8 validation, interning,
// the hash cache, indexing and slicing of ASCII and non-ASCII text
// (code points, not bytes), concatenation and join, repr quoting and
// escapes, and StrBuf. Expected values are CPython 3.11's.
#include "vm_helpers.h"

static Object *S(const char *s) {
    Object *o = str_from_cstr(s);
    ck_assert_msg(o != NULL, "str_from_cstr(%s): %s", s, exc_text());
    return o;
}

START_TEST(test_create) {
    Object *a = S("hello");
    ck_assert(STR_CHECK_EXACT(a));
    ck_assert_int_eq(STR_LEN(a), 5);
    ck_assert_int_eq(STR_NBYTES(a), 5);
    ck_assert(STR_ASCII(a));
    ck_assert_str_eq(STR_DATA(a), "hello");
    // é (2 bytes), € (3 bytes), 😀 (4 bytes)
    Object *u = S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
    ck_assert_int_eq(STR_LEN(u), 5);
    ck_assert_int_eq(STR_NBYTES(u), 11);
    ck_assert(!STR_ASCII(u));
    ck_assert_int_eq(STR_DATA(u)[11], '\0');
    // Empty and one-character ASCII strings are shared singletons.
    Object *e1 = S(""), *e2 = str_empty();
    ck_assert_ptr_eq(e1, e2);
    ck_assert_int_eq(STR_LEN(e1), 0);
    Object *c1 = S("x"), *c2 = str_from_codepoint('x');
    ck_assert_ptr_eq(c1, c2);
    Object *cp = str_from_codepoint(0x1F600);
    ck_assert_int_eq(STR_LEN(cp), 1);
    ck_assert_int_eq(STR_NBYTES(cp), 4);
    ck_assert_str_eq(STR_DATA(cp), "\xf0\x9f\x98\x80");
    // Trusted constructor and raw + finish.
    Object *t = str_from_utf8_len("\xc3\xa9t\xc3\xa9", 5, 3);
    ck_assert_int_eq(STR_LEN(t), 3);
    Object *t2 = S("\xc3\xa9t\xc3\xa9");
    ck_assert_int_eq(obj_eq(t, t2), 1);
    DECREF(t2);
    Object *raw = str_new_raw(4);
    memcpy(STR_DATA(raw), "\xe2\x82\xac!", 4);
    str_finish(raw);
    ck_assert_int_eq(STR_LEN(raw), 2);
    ck_assert(!STR_ASCII(raw));
    Object *f = str_from_format("%s=%d %R %zd %c", "x", 42, u, (ssize_t)-7, 0x20AC);
    ck_assert_str_eq(STR_DATA(f), "x=42 'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z' -7 \xe2\x82\xac");
    ck_assert_int_eq(STR_LEN(f), 17);
    DECREF(a);
    DECREF(u);
    DECREF(e1);
    DECREF(e2);
    DECREF(c1);
    DECREF(c2);
    DECREF(cp);
    DECREF(t);
    DECREF(raw);
    DECREF(f);
}
END_TEST

START_TEST(test_invalid_utf8) {
    static const struct { const char *bytes; ssize_t n; } bad[] = {
        {"\xff", 1},                 // invalid start byte
        {"a\x80", 2},                // lone continuation byte
        {"\xc0\x80", 2},             // overlong NUL
        {"\xe0\x80\x80", 3},         // overlong
        {"\xe2\x41", 2},             // bad continuation
        {"ab\xe2\x82", 4},           // truncated
        {"\xf4\x90\x80\x80", 4},     // above U+10FFFF
        {"\xf8\x88\x80\x80\x80", 5}, // 5-byte form
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Object *o = str_from_utf8(bad[i].bytes, bad[i].n);
        ck_assert_msg(o == NULL, "case %zu accepted", i);
        ck_assert_msg(err_matches(Exc_UnicodeDecodeError), "case %zu: %s", i, exc_text());
        err_clear();
        ck_assert(!utf8_valid(bad[i].bytes, bad[i].n));
    }
    ck_assert_ptr_null(str_from_utf8("\xff", 1));
    ck_assert_str_eq(exc_text(),
                     "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    ck_assert_ptr_null(str_from_utf8("ok\x80", 3));
    ck_assert_str_eq(exc_text(),
                     "UnicodeDecodeError: 'utf-8' codec can't decode byte 0x80 in position 2: invalid start byte");
    // An embedded NUL is valid text.
    Object *z = str_from_utf8("a\0b", 3);
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(STR_LEN(z), 3);
    DECREF(z);
    // Through bytes.decode, with CPython's messages.
    EVAL_EQ("b'ab\\xe2\\x82'.decode()",
            "<error UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data>");
    EVAL_EQ("b'\\xed\\xa0\\x80'.decode()",
            "<error UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation "
            "byte>");
    EVAL_EQ("b'\\xe2\\x82\\xac'.decode()", "'\xe2\x82\xac'");
}
END_TEST

START_TEST(test_interning) {
    Object *a = str_intern_cstr("some_identifier_xyz");
    Object *b = str_intern_cstr("some_identifier_xyz");
    ck_assert_ptr_eq(a, b);
    ck_assert(((StrObject *)a)->interned);
    ck_assert(REFCNT(a) >= IMMORTAL_REFCNT / 2);
    // Interning a fresh equal string gives back the interned instance.
    Object *c = str_intern(S("some_identifier_xyz"));
    ck_assert_ptr_eq(c, a);
    // The predefined names are interned.
    ck_assert_ptr_eq(str_intern_cstr("__init__"), S___init__);
    // Names in compiled code are the interned strings.
    Object *fn = S("<t>");
    Object *co = compile_source("some_identifier_xyz = 1\n", 24, fn, PARSE_FILE);
    ck_assert_ptr_nonnull(co);
    Object *names = ((CodeObject *)co)->names;
    ck_assert_int_eq(TUPLE_SIZE(names), 1);
    ck_assert_ptr_eq(TUPLE_ITEMS(names)[0], a);
    DECREF(co);
    DECREF(fn);
    // A non-interned equal string is a different object but equal.
    Object *d = S("some_identifier_xyz");
    ck_assert_ptr_ne(d, a);
    ck_assert(str_eq(d, a));
    ck_assert(!((StrObject *)d)->interned);
    DECREF(d);
}
END_TEST

START_TEST(test_hash_cache) {
    Object *a = S("caf\xc3\xa9 au lait");
    ck_assert(((StrObject *)a)->hash == -1);
    hash_t h = str_hash(a);
    ck_assert(h != -1);
    ck_assert(((StrObject *)a)->hash == h);
    ck_assert(str_hash(a) == h);
    ck_assert(obj_hash(a) == h);
    Object *b = S("caf\xc3\xa9 au lait");
    ck_assert(str_hash(b) == h);
    // A different string (almost surely) hashes differently; the cached hash
    // speeds up inequality but must not break equality.
    Object *c = S("caf\xc3\xa9 au lair");
    ck_assert(str_hash(c) != h);
    ck_assert(!str_eq(a, c));
    ck_assert(str_eq(a, b));
    // The empty string hashes consistently.
    Object *e = str_empty();
    ck_assert(str_hash(e) == str_hash(e));
    // Concatenation results get their own hash, equal to an equal literal's.
    Object *p = S("caf\xc3\xa9 "), *q = S("au lait");
    Object *pq = str_concat(p, q);
    ck_assert(((StrObject *)pq)->hash == -1);
    ck_assert(str_hash(pq) == h);
    EVAL_EQ("hash('abc') == hash('ab' + 'c')", "True");
    EVAL_EQ("{'x': 1}['' + 'x']", "1");
    DECREF(a);
    DECREF(b);
    DECREF(c);
    DECREF(e);
    DECREF(p);
    DECREF(q);
    DECREF(pq);
}
END_TEST

START_TEST(test_indexing) {
    // "aé€😀z" : code points a, U+00E9, U+20AC, U+1F600, z
    Object *u = S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
    ck_assert_uint_eq(str_char_at(u, 0), 'a');
    ck_assert_uint_eq(str_char_at(u, 1), 0xE9);
    ck_assert_uint_eq(str_char_at(u, 2), 0x20AC);
    ck_assert_uint_eq(str_char_at(u, 3), 0x1F600);
    ck_assert_uint_eq(str_char_at(u, 4), 'z');
    ck_assert_int_eq(str_byte_offset(u, 0), 0);
    ck_assert_int_eq(str_byte_offset(u, 1), 1);
    ck_assert_int_eq(str_byte_offset(u, 2), 3);
    ck_assert_int_eq(str_byte_offset(u, 3), 6);
    ck_assert_int_eq(str_byte_offset(u, 4), 10);
    ck_assert_int_eq(str_byte_offset(u, 5), 11);
    Object *s = str_substr(u, 1, 4);
    ck_assert_str_eq(STR_DATA(s), "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    ck_assert_int_eq(STR_LEN(s), 3);
    ck_assert(!STR_ASCII(s));
    DECREF(s);
    s = str_substr(u, 4, 5);
    ck_assert_str_eq(STR_DATA(s), "z");
    ck_assert(STR_ASCII(s));
    DECREF(s);
    s = str_substr(u, 0, 5);
    ck_assert_ptr_eq(s, u);     // the whole string is shared
    DECREF(s);
    s = str_substr(u, 3, 3);
    ck_assert_int_eq(STR_LEN(s), 0);
    DECREF(s);
    Object *a = S("hello world");
    ck_assert_uint_eq(str_char_at(a, 4), 'o');
    s = str_substr(a, 6, 11);
    ck_assert_str_eq(STR_DATA(s), "world");
    DECREF(s);
    DECREF(a);
    DECREF(u);
    // Python-level indexing and slicing on both kinds of text.
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("u = 'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z'\na = 'hello world'\n", g), 0);
    static const struct { const char *expr, *want; } cases[] = {
        {"u[1]", "'\xc3\xa9'"},
        {"u[-1]", "'z'"},
        {"u[-2]", "'\xf0\x9f\x98\x80'"},
        {"u[-5]", "'a'"},
        {"len(u)", "5"},
        {"u[1:3]", "'\xc3\xa9\xe2\x82\xac'"},
        {"u[::-1]", "'z\xf0\x9f\x98\x80\xe2\x82\xac\xc3\xa9" "a'"},
        {"u[::2]", "'a\xe2\x82\xacz'"},
        {"u[-2::-2]", "'\xf0\x9f\x98\x80\xc3\xa9'"},
        {"u[3:1:-1]", "'\xf0\x9f\x98\x80\xe2\x82\xac'"},
        {"u[10:20]", "''"},
        {"u[-100:2]", "'a\xc3\xa9'"},
        {"u.find('\xf0\x9f\x98\x80')", "3"},
        {"u.index('z')", "4"},
        {"'\xe2\x82\xac' in u", "True"},
        {"list(u)", "['a', '\xc3\xa9', '\xe2\x82\xac', '\xf0\x9f\x98\x80', 'z']"},
        {"[ord(c) for c in u]", "[97, 233, 8364, 128512, 122]"},
        {"a[4]", "'o'"},
        {"a[-1]", "'d'"},
        {"a[::-1]", "'dlrow olleh'"},
        {"a[1:-1:3]", "'eoo'"},
        {"a[:0]", "''"},
        {"u[5]", "<error IndexError: string index out of range>"},
        {"u[-6]", "<error IndexError: string index out of range>"},
        {"a[1.0]", "<error TypeError: string indices must be integers, not 'float'>"},
        {"u[True]", "'\xc3\xa9'"},
        {"u[::0]", "<error ValueError: slice step cannot be zero>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = repr_steal(eval_in(cases[i].expr, g));
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%s = %s, expected %s", cases[i].expr, got, cases[i].want);
    }
    free_globals(g);
}
END_TEST

START_TEST(test_long_non_ascii_indexing) {
    // Indexing from both ends of a long non-ASCII string (the byte offset
    // walk starts from whichever end is nearer).
    Object *g = fresh_globals();
    ck_assert_int_eq(run_in("s = ''.join(chr(0x400 + i % 200) + chr(65 + i % 26) for i in range(1000))\n", g), 0);
    Object *s = dict_getitem_str(g, "s");
    ck_assert_int_eq(STR_LEN(s), 2000);
    ck_assert_int_eq(STR_NBYTES(s), 3000);
    for (ssize_t i = 0; i < 2000; i += 37) {
        uint32_t want = (i % 2 == 0) ? (uint32_t)(0x400 + (i / 2) % 200) : (uint32_t)(65 + (i / 2) % 26);
        ck_assert_uint_eq(str_char_at(s, i), want);
    }
    EVAL_EQ("1", "1");
    const char *got = repr_steal(eval_in("all(s[i] == (chr(0x400 + (i // 2) % 200) if i % 2 == 0 else "
                                          "chr(65 + (i // 2) % 26)) for i in range(2000))", g));
    ck_assert_str_eq(got, "True");
    got = repr_steal(eval_in("all(s[-i] == s[2000 - i] for i in range(1, 2001))", g));
    ck_assert_str_eq(got, "True");
    got = repr_steal(eval_in("s[1999:1990:-3] == s[1999] + s[1996] + s[1993]", g));
    ck_assert_str_eq(got, "True");
    free_globals(g);
}
END_TEST

START_TEST(test_concat_join) {
    Object *a = S("abc"), *b = S("d\xc3\xa9" "f"), *e = str_empty();
    Object *ab = str_concat(a, b);
    ck_assert_str_eq(STR_DATA(ab), "abcd\xc3\xa9" "f");
    ck_assert_int_eq(STR_LEN(ab), 6);
    ck_assert(!STR_ASCII(ab));
    Object *ae = str_concat(a, e);
    ck_assert_ptr_eq(ae, a);
    Object *ea = str_concat(e, a);
    ck_assert_ptr_eq(ea, a);
    Object *aa = str_concat(a, a);
    ck_assert(STR_ASCII(aa));
    ck_assert_str_eq(STR_DATA(aa), "abcabc");
    DECREF(ab);
    DECREF(ae);
    DECREF(ea);
    DECREF(aa);

    Object *sep = S(", ");
    Object *l = list_new(0);
    list_append(l, a);
    list_append(l, b);
    list_append(l, e);
    Object *j = str_join(sep, l);
    ck_assert_str_eq(STR_DATA(j), "abc, d\xc3\xa9" "f, ");
    ck_assert_int_eq(STR_LEN(j), 10);
    ck_assert(!STR_ASCII(j));
    DECREF(j);
    Object *one = list_new(0);
    list_append(one, a);
    j = str_join(sep, one);
    ck_assert_ptr_eq(j, a);     // a single exact str is returned as is
    DECREF(j);
    DECREF(one);
    Object *empty = list_new(0);
    j = str_join(sep, empty);
    ck_assert_int_eq(STR_LEN(j), 0);
    DECREF(j);
    DECREF(empty);
    Object *n = int_from_long(5);
    list_append(l, n);
    ck_assert_ptr_null(str_join(sep, l));
    ck_assert_str_eq(exc_text(), "TypeError: sequence item 3: expected str instance, int found");
    DECREF(l);
    DECREF(sep);
    DECREF(a);
    DECREF(b);
    DECREF(e);
    EVAL_EQ("'-'.join(str(i) for i in range(5))", "'0-1-2-3-4'");
    EVAL_EQ("''.join(['\xc3\xa9'] * 3)", "'\xc3\xa9\xc3\xa9\xc3\xa9'");
    EVAL_EQ("'\xe2\x82\xac'.join('ab')", "'a\xe2\x82\xac" "b'");
    EVAL_EQ("len('\xc3\xa9' * 1000)", "1000");
    EVAL_EQ("'ab' * 0", "''");
    EVAL_EQ("'ab' * -3", "''");
    EVAL_EQ("'a' + 1", "<error TypeError: can only concatenate str (not \"int\") to str>");
    EVAL_EQ("', '.join([1])", "<error TypeError: sequence item 0: expected str instance, int found>");
}
END_TEST

// repr(s) as text.
static const char *repr_c(const char *s) {
    static char bufs[4][1024];
    static int k;
    char *buf = bufs[k++ & 3];
    Object *o = S(s);
    Object *r = str_repr_of(o);
    ck_assert_ptr_nonnull(r);
    snprintf(buf, 1024, "%s", STR_DATA(r));
    DECREF(r);
    DECREF(o);
    return buf;
}

START_TEST(test_repr) {
    ck_assert_str_eq(repr_c("abc"), "'abc'");
    ck_assert_str_eq(repr_c(""), "''");
    ck_assert_str_eq(repr_c("it's"), "\"it's\"");
    ck_assert_str_eq(repr_c("say \"hi\""), "'say \"hi\"'");
    ck_assert_str_eq(repr_c("it's \"x\""), "'it\\'s \"x\"'");
    ck_assert_str_eq(repr_c("a\nb\tc\rd\\e"), "'a\\nb\\tc\\rd\\\\e'");
    ck_assert_str_eq(repr_c("\x01\x1f\x7f"), "'\\x01\\x1f\\x7f'");
    ck_assert_str_eq(repr_c("\xc2\x80\xc2\x9f"), "'\\x80\\x9f'");         // C1 controls
    ck_assert_str_eq(repr_c("\xc2\xad"), "'\\xad'");                      // soft hyphen
    ck_assert_str_eq(repr_c("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'");
    ck_assert_str_eq(repr_c("\xe2\x80\xa8"), "'\\u2028'");
    ck_assert_str_eq(repr_c("\xe3\x80\x80"), "'\\u3000'");
    ck_assert_str_eq(repr_c("\xef\xbb\xbf"), "'\\ufeff'");
    ck_assert_str_eq(repr_c("\xe2\x80\x8b"), "'\\u200b'");
    ck_assert_str_eq(repr_c("\xf4\x8f\xbf\xbf"), "'\\U0010ffff'");
    ck_assert_str_eq(repr_c("\xc3\x9f\xcc\x81"), "'\xc3\x9f\xcc\x81'");   // combining mark is printable
    Object *nul = str_from_utf8("a\0b", 3);
    Object *nr = str_repr_of(nul);
    ck_assert_str_eq(STR_DATA(nr), "'a\\x00b'");
    DECREF(nr);
    DECREF(nul);
    // A surrogate (only reachable through chr()) is escaped.
    EVAL_EQ("repr(chr(0xd800))", "\"'\\\\ud800'\"");
    EVAL_EQ("repr(\"'\")", "'\"\\'\"'");
    EVAL_EQ("str('x\\ny')", "'x\\ny'");
    EVAL_EQ("ascii('\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80')", "\"'\\\\xe9\\\\u20ac\\\\U0001f600'\"");
    EVAL_EQ("f'{chr(9)!r}'", "\"'\\\\t'\"");
}
END_TEST

// Characters CPython's str.isprintable() rejects are escaped by repr.
START_TEST(test_repr_nonprintable) {
    ck_assert_str_eq(repr_c("\xc2\xa0"), "'\\xa0'");                      // NO-BREAK SPACE
    ck_assert_str_eq(repr_c("\xe2\x80\x80"), "'\\u2000'");                // EN QUAD
    ck_assert_str_eq(repr_c("\xee\x80\x80"), "'\\ue000'");                // private use
}
END_TEST

START_TEST(test_strbuf) {
    StrBuf sb;
    sb_init(&sb);
    ck_assert_ptr_null(sb.buf);
    ck_assert_int_eq(sb.len, 0);
    // Growth: many small appends and a few big ones.
    for (int i = 0; i < 10000; i++) ck_assert_int_eq(sb_putc(&sb, (char)('a' + i % 26)), 0);
    ck_assert_int_eq(sb.len, 10000);
    ck_assert(sb.cap > sb.len);
    for (int i = 0; i < 10000; i++) ck_assert_int_eq(sb.buf[i], 'a' + i % 26);
    char big[100000];
    memset(big, 'x', sizeof big);
    ck_assert_int_eq(sb_putn(&sb, big, sizeof big), 0);
    ck_assert_int_eq(sb.len, 110000);
    ck_assert(sb.cap > sb.len);
    ck_assert_int_eq(sb_putn(&sb, big, 0), 0);
    ck_assert_int_eq(sb.len, 110000);
    ck_assert_int_eq(sb_puts(&sb, "\xe2\x82\xac"), 0);
    ck_assert_int_eq(sb_printf(&sb, "[%d:%s]", 42, "ok"), 0);
    ck_assert_int_eq(sb.len, 110000 + 3 + 7);
    Object *s = sb_finish(&sb);
    ck_assert_ptr_null(sb.buf);
    ck_assert_int_eq(STR_NBYTES(s), 110010);
    ck_assert_int_eq(STR_LEN(s), 110008);
    ck_assert(!STR_ASCII(s));
    ck_assert_int_eq(memcmp(STR_DATA(s) + 110003, "[42:ok]", 7), 0);
    ck_assert_int_eq(STR_DATA(s)[110010], '\0');
    DECREF(s);
    // A long formatted piece in one go.
    sb_init(&sb);
    ck_assert_int_eq(sb_printf(&sb, "%05d|%.*s|", 7, 5000, big), 0);
    ck_assert_int_eq(sb.len, 5 + 1 + 5000 + 1);
    ck_assert_int_eq(memcmp(sb.buf, "00007|xxx", 9), 0);
    // Objects.
    Object *o = int_from_long(-12);
    Object *q = S("q'");
    ck_assert_int_eq(sb_put_obj_str(&sb, o), 0);
    ck_assert_int_eq(sb_put_obj_repr(&sb, q), 0);
    s = sb_finish(&sb);
    ck_assert_int_eq(strcmp(STR_DATA(s) + 5007, "-12\"q'\""), 0);
    DECREF(s);
    DECREF(o);
    DECREF(q);
    // An empty buffer finishes to ''.
    sb_init(&sb);
    s = sb_finish(&sb);
    ck_assert_int_eq(STR_LEN(s), 0);
    DECREF(s);
    sb_init(&sb);
    sb_puts(&sb, "discard me");
    sb_free(&sb);
    ck_assert_ptr_null(sb.buf);
    ck_assert_int_eq(sb.len, 0);
}
END_TEST

START_TEST(test_compare_and_methods) {
    Object *a = S("abc"), *b = S("abd"), *u = S("\xc3\xa9"), *z = S("z");
    ck_assert_int_eq(str_compare(a, b), -1);
    ck_assert_int_eq(str_compare(b, a), 1);
    ck_assert_int_eq(str_compare(a, a), 0);
    ck_assert_int_eq(str_compare(z, u), -1);    // by code point: 'z' (122) < 'é' (233)
    Object *ab = S("ab");
    ck_assert_int_eq(str_compare(ab, a), -1);   // prefix sorts first
    DECREF(a);
    DECREF(b);
    DECREF(u);
    DECREF(z);
    DECREF(ab);
    EVAL_EQ("sorted(['\xf0\x9f\x98\x80', '\xef\xbf\xbf', 'b', '\xc3\xa9', 'B'])",
            "['B', 'b', '\xc3\xa9', '\\uffff', '\xf0\x9f\x98\x80']");
    EVAL_EQ("'a,b,,c'.split(',')", "['a', 'b', '', 'c']");
    EVAL_EQ("'\xc3\xa9'.center(5, '*')", "'**\xc3\xa9**'");
    EVAL_EQ("'x'.zfill(3)", "'00x'");
    EVAL_EQ("'\xc3\xa9t\xc3\xa9'.encode()", "b'\\xc3\\xa9t\\xc3\\xa9'");
}
END_TEST

// Case mapping covers non-ASCII letters.
START_TEST(test_case_non_ascii) {
    EVAL_EQ("'\xc3\x89T\xc3\xa9'.lower()", "'\xc3\xa9t\xc3\xa9'");
    EVAL_EQ("'\xc3\xa9t\xc3\xa9'.upper()", "'\xc3\x89T\xc3\x89'");
}
END_TEST

static Suite *str_suite(void) {
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_create);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_interning);
    tcase_add_test(tc, test_hash_cache);
    tcase_add_test(tc, test_indexing);
    tcase_add_test(tc, test_long_non_ascii_indexing);
    tcase_add_test(tc, test_concat_join);
    tcase_add_test(tc, test_repr);
    tcase_add_test(tc, test_repr_nonprintable);
    tcase_add_test(tc, test_strbuf);
    tcase_add_test(tc, test_compare_and_methods);
    tcase_add_test(tc, test_case_non_ascii);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return vm_test_main(str_suite()); }
