// The lexer: UTF-8 source text -> tokens, one at a time.
//
// It mirrors CPython 3.11's Parser/tokenizer.c (`tok_get`): the same token
// kinds, the same INDENT/DEDENT rules (tabs to multiples of 8, checked against
// tabs-as-1 for consistency), implicit line joining inside brackets, backslash
// continuation, and the same error messages and positions. A string literal,
// f-strings included, is one STRING token; its contents are decoded later by
// the parser with lexer_decode_string() (as CPython decodes them in the parser).
//
// Positions: lines are 1-based, columns 0-based UTF-8 byte offsets, as in the
// AST (compiler/ast.h).
#ifndef MINIPY_LEXER_H
#define MINIPY_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

// Every token kind, once: X(NAME, "spelling"). Operators and keywords have
// their source spelling; the other kinds a description used in messages.
#define TOKEN_LIST(X)                                               \
    X(ENDMARKER, "end of input")                                    \
    X(NAME, "name")                                                 \
    X(NUMBER, "number")                                             \
    X(STRING, "string")                                             \
    X(NEWLINE, "newline")                                           \
    X(INDENT, "indent")                                             \
    X(DEDENT, "dedent")                                             \
    X(LPAR, "(")                                                    \
    X(RPAR, ")")                                                    \
    X(LSQB, "[")                                                    \
    X(RSQB, "]")                                                    \
    X(COLON, ":")                                                   \
    X(COMMA, ",")                                                   \
    X(SEMI, ";")                                                    \
    X(PLUS, "+")                                                    \
    X(MINUS, "-")                                                   \
    X(STAR, "*")                                                    \
    X(SLASH, "/")                                                   \
    X(VBAR, "|")                                                    \
    X(AMPER, "&")                                                   \
    X(LESS, "<")                                                    \
    X(GREATER, ">")                                                 \
    X(EQUAL, "=")                                                   \
    X(DOT, ".")                                                     \
    X(PERCENT, "%")                                                 \
    X(LBRACE, "{")                                                  \
    X(RBRACE, "}")                                                  \
    X(EQEQUAL, "==")                                                \
    X(NOTEQUAL, "!=")                                               \
    X(LESSEQUAL, "<=")                                              \
    X(GREATEREQUAL, ">=")                                           \
    X(TILDE, "~")                                                   \
    X(CIRCUMFLEX, "^")                                              \
    X(LEFTSHIFT, "<<")                                              \
    X(RIGHTSHIFT, ">>")                                             \
    X(DOUBLESTAR, "**")                                             \
    X(PLUSEQUAL, "+=")                                              \
    X(MINEQUAL, "-=")                                               \
    X(STAREQUAL, "*=")                                              \
    X(SLASHEQUAL, "/=")                                             \
    X(PERCENTEQUAL, "%=")                                           \
    X(AMPEREQUAL, "&=")                                             \
    X(VBAREQUAL, "|=")                                              \
    X(CIRCUMFLEXEQUAL, "^=")                                        \
    X(LEFTSHIFTEQUAL, "<<=")                                        \
    X(RIGHTSHIFTEQUAL, ">>=")                                       \
    X(DOUBLESTAREQUAL, "**=")                                       \
    X(DOUBLESLASH, "//")                                            \
    X(DOUBLESLASHEQUAL, "//=")                                      \
    X(AT, "@")                                                      \
    X(ATEQUAL, "@=")                                                \
    X(RARROW, "->")                                                 \
    X(ELLIPSIS, "...")                                              \
    X(COLONEQUAL, ":=")                                             \
    /* Any other character (`$`, `?`, `!`, `<>`): CPython's OP. */  \
    X(OP, "operator")                                               \
    X(ERRORTOKEN, "error")                                          \
    /* Keywords: NAME tokens the lexer recognises. */               \
    X(KW_FALSE, "False")                                            \
    X(KW_NONE, "None")                                              \
    X(KW_TRUE, "True")                                              \
    X(KW_AND, "and")                                                \
    X(KW_AS, "as")                                                  \
    X(KW_ASSERT, "assert")                                          \
    X(KW_ASYNC, "async")                                            \
    X(KW_AWAIT, "await")                                            \
    X(KW_BREAK, "break")                                            \
    X(KW_CLASS, "class")                                            \
    X(KW_CONTINUE, "continue")                                      \
    X(KW_DEF, "def")                                                \
    X(KW_DEL, "del")                                                \
    X(KW_ELIF, "elif")                                              \
    X(KW_ELSE, "else")                                              \
    X(KW_EXCEPT, "except")                                          \
    X(KW_FINALLY, "finally")                                        \
    X(KW_FOR, "for")                                                \
    X(KW_FROM, "from")                                              \
    X(KW_GLOBAL, "global")                                          \
    X(KW_IF, "if")                                                  \
    X(KW_IMPORT, "import")                                          \
    X(KW_IN, "in")                                                  \
    X(KW_IS, "is")                                                  \
    X(KW_LAMBDA, "lambda")                                          \
    X(KW_NONLOCAL, "nonlocal")                                      \
    X(KW_NOT, "not")                                                \
    X(KW_OR, "or")                                                  \
    X(KW_PASS, "pass")                                              \
    X(KW_RAISE, "raise")                                            \
    X(KW_RETURN, "return")                                          \
    X(KW_TRY, "try")                                                \
    X(KW_WHILE, "while")                                            \
    X(KW_WITH, "with")                                              \
    X(KW_YIELD, "yield")

typedef enum {
#define X(name, spelling) TOK_##name,
    TOKEN_LIST(X)
#undef X
    TOK__COUNT
} TokenKind;

// The first and last keyword kinds (keywords are contiguous in the list).
#define TOK_FIRST_KEYWORD TOK_KW_FALSE
#define TOK_LAST_KEYWORD TOK_KW_YIELD

typedef struct {
    TokenKind kind;
    const char *start;  // text of the token in the lexer's buffer (not NUL-terminated)
    int len;            // byte length of the text
    int lineno, col_offset, end_lineno, end_col_offset;
    int level;          // bracket nesting level after this token (CPython's token->level)
    int cur_col;        // the lexer's read position (byte column) just after this token
} Token;

// Error classes of the tokenizer, matching what CPython does with them.
typedef enum {
    LEXERR_NONE,
    LEXERR_RAISE,   // a SyntaxError raised at once (CPython's syntaxerror())
    LEXERR_EOF,     // end of input inside brackets or after a backslash (E_EOF)
    LEXERR_DEDENT,  // unindent does not match any outer indentation level (E_DEDENT)
    LEXERR_TAB,     // inconsistent use of tabs and spaces (E_TABSPACE)
    LEXERR_TOODEEP, // too many levels of indentation (E_TOODEEP)
    LEXERR_LINECONT // unexpected character after line continuation character (E_LINECONT)
} LexErrorKind;

typedef struct {
    LexErrorKind kind;
    const char *exc;    // "SyntaxError", "IndentationError" or "TabError"
    char msg[200];
    int lineno, col_offset, end_lineno, end_col_offset; // as in ParseError
    bool incomplete;    // the input ended too early (EOF in brackets, triple string...)
} LexError;

#define LEXER_MAXINDENT 100   // CPython's MAXINDENT
#define LEXER_MAXLEVEL 200    // CPython's MAXLEVEL: nesting of brackets

typedef struct {
    const char *buf, *end;  // source after newline translation; *end == '\0'
    const char *cur;        // next character to read
    const char *line_start; // start of the current line
    const char *line_end;   // just past the current line's newline
    int lineno;             // line of `cur`
    bool atbol;             // at the beginning of a line
    bool cont_line;         // the current line continues one ended by a backslash
    int indstack[LEXER_MAXINDENT + 1];
    int altindstack[LEXER_MAXINDENT + 1];
    int indent;             // top of indstack
    int pendin;             // pending INDENTs (>0) or DEDENTs (<0)
    int level;              // bracket nesting
    char parenstack[LEXER_MAXLEVEL];
    int parenlinenostack[LEXER_MAXLEVEL];
    int parencolstack[LEXER_MAXLEVEL];
    bool interactive;       // a blank line ends a block (REPL input)
    bool done;              // ENDMARKER or an error was returned
    bool eof;               // a read ran into the end of input (CPython's E_EOF)
    LexError error;
} Lexer;

// Prepares lx to tokenize [src, src+len): translates \r\n and \r to \n,
// skips a UTF-8 BOM and appends a final newline, copying into arena a.
// The text must be valid UTF-8 without NUL bytes (parse_source checks both).
// Returns false when out of memory.
bool lexer_init(Lexer *lx, Arena *a, const char *src, size_t len);

// Initializes lx over an existing NUL-terminated buffer [buf, buf+len) that
// already ends with a newline (used for f-string expressions). lineno is the
// line number of the first line.
void lexer_init_buffer(Lexer *lx, const char *buf, size_t len, int lineno);

// Returns the next token. On an error returns a TOK_ERRORTOKEN token and
// fills lx->error; every later call returns TOK_ERRORTOKEN again.
Token lexer_next(Lexer *lx);

// The spelling of a token kind, e.g. "(" or "if" or "name".
const char *token_kind_spelling(TokenKind kind);

// Unicode properties used by the front end (Unicode 14.0, as CPython 3.11).
bool lexer_is_xid_start(uint32_t cp);
bool lexer_is_xid_continue(uint32_t cp);
// Python's str.isprintable() for one code point.
bool lexer_is_printable(uint32_t cp);

// Decodes one UTF-8 sequence at s (at most n bytes). Returns its length and
// stores the code point in *cp, or returns 0 for an invalid sequence.
int lexer_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

// Literal decoding ---------------------------------------------------------

// The parts of a string literal token: its prefix flags and body.
typedef struct {
    bool bytes, raw, fstring, u_prefix; // u_prefix: a lowercase 'u' prefix
    int quote_size;                     // 1 or 3
    const char *body;                   // between the quotes
    size_t body_len;
} StringParts;

// Splits a STRING token into prefix and body.
void lexer_string_parts(const Token *t, StringParts *sp);

// Decodes the escapes of a (non-raw) string body into UTF-8 text in the arena
// (*out, *out_len; NUL-terminated). For bytes, decodes into raw bytes. On a
// bad escape returns false and writes CPython's message into msg, e.g.
// "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:
// truncated \xXX escape". Returns false with msg "" when out of memory.
bool lexer_decode_string(Arena *a, const char *body, size_t len, bool bytes,
                         char **out, size_t *out_len, char *msg, size_t msgsize);

// Converts the text of a NUMBER token. For integers stores decimal digits
// (no sign, underscores, or leading zeros) in *digits and returns 'i'; for
// floats stores the value in *f and returns 'f'; for imaginary literals
// stores the imaginary part and returns 'j'. Returns 0 when out of memory.
int lexer_number_value(Arena *a, const char *text, int len, const char **digits,
                       size_t *ndigits, double *f);

#endif
