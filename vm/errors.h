// Raising and inspecting exceptions from C (CPython's Python/errors.c).
//
// The thread state holds the exception being raised (one normalized
// instance, as in CPython 3.12). C code raises with vm_raise() and returns
// NULL or -1; callers test err_occurred() only where NULL is ambiguous.
#ifndef MINIPY_ERRORS_H
#define MINIPY_ERRORS_H

#include "object.h"

// The built-in exception hierarchy, once: X(Name, Base, extra-init).
// Order matters: a base comes before its subclasses.
#define EXC_LIST(X) \
    X(BaseException, NULL) \
    X(BaseExceptionGroup, BaseException) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(ExceptionGroup, BaseExceptionGroup) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(Warning, Exception) \
    X(DeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(UserWarning, Warning) \
    X(ResourceWarning, Warning)

#define EXC_DECL(name, base) extern TypeObject *Exc_##name;
EXC_LIST(EXC_DECL)
#undef EXC_DECL

typedef struct BaseExceptionObject {
    OBJ_HEAD;
    Object *dict;
    Object *args;           // tuple
    Object *traceback;      // TracebackObject or NULL
    Object *context;        // or NULL
    Object *cause;          // or NULL
    bool suppress_context;
} BaseExceptionObject;

// BaseExceptionGroup and its subclasses (vm/excgroup.c). ExceptionGroup's
// bases are (BaseExceptionGroup, Exception), as CPython's.
typedef struct BaseExceptionGroupObject {
    BaseExceptionObject base;
    Object *msg;            // str
    Object *excs;           // non-empty tuple of exceptions
} BaseExceptionGroupObject;

// Sets the slots of BaseExceptionGroup (start-up, before type_ready).
void excgroup_init_type(TypeObject *t);
// CHECK_EG_MATCH: splits exc by the except* type. *match is None when
// nothing matches; a naked exception that matches is wrapped in a group.
// New references; returns -1 on error.
int excgroup_match(Object *exc, Object *type, Object **match, Object **rest);
// PREP_RERAISE_STAR: from the original exception and the list of what the
// except* clauses raised or re-raised (and the unhandled rest), the
// exception to raise, or None. New reference.
Object *excgroup_prep_reraise_star(Object *orig, Object *excs);

// Creates the exception types (start-up).
void exc_init_types(void);

// Raises type(msg) where msg is built from fmt. Formats: %s (char*), %d, %ld,
// %zd, %c (int code point), %x, %R (repr of Object*), %S (str of Object*),
// %U (a str Object* inserted as is), %T (type name of Object*), %%.
// Always returns NULL so callers can `return vm_raise(...)`.
Object *vm_raise(TypeObject *type, const char *fmt, ...);
// Raises an exception instance (or a class, which is instantiated). Borrowed.
void err_set_object(Object *exc_or_type);
// Raises type(value) with one argument (borrowed) or no arguments when value is NULL.
void err_set_value(TypeObject *type, Object *value);
void err_no_memory(void);
Object *err_occurred(void);                  // borrowed current exception or NULL
bool err_matches(TypeObject *type);          // current exception is an instance of type
void err_clear(void);
// Takes the current exception out of the thread state (new ref), or NULL.
Object *err_fetch(void);
// Sets the current exception (steals; NULL clears).
void err_restore(Object *exc);
// Raises OSError (or the errno subclass) from errno, with an optional filename.
Object *err_from_errno(Object *filename);
// The same with two filenames (rename's source and destination).
Object *err_from_errno2(Object *filename, Object *filename2);
// Given an exception class and an exception, true if exc matches class (or
// a tuple of classes).
int exc_matches(Object *exc, Object *cls);
// Creates an exception instance: cls(*args). New reference.
Object *exc_new(TypeObject *cls, Object *const *args, ssize_t nargs);
Object *exc_get_args(Object *exc);           // borrowed
void exc_set_context(Object *exc, Object *context);  // steals context
void exc_set_cause(Object *exc, Object *cause);      // steals cause
Object *exc_get_traceback(Object *exc);     // borrowed
void exc_set_traceback(Object *exc, Object *tb);     // borrows
// Chains `exc` to the exception being handled (sets __context__) as raise does.
void exc_chain_context(Object *exc);
// StopIteration.value of the current exception, taking it; used by `yield from`.
int err_fetch_stop_value(Object **value);

// Prints exc with its chain and traceback to sys.stderr in CPython's format.
void exc_print(Object *exc);
// Reports an exception no one can catch: "<msg>: <repr obj>", traceback,
// "Type: message" on sys.stderr (msg NULL: "Exception ignored in"). Steals exc.
void err_write_unraisable(const char *msg, Object *obj, Object *exc);
// warnings.warn(message, category) with CPython's default filters, from the
// innermost Python frame (once per module, message and line; printed to
// sys.stderr in warnings' format). [source]: the warning is about an object
// (adds the tracemalloc suggestion line, as CPython). 0, or -1 on a memory
// error (with the exception set).
int err_warn(TypeObject *category, Object *message, bool source);
// Handles an uncaught exception at top level (SystemExit -> exit code,
// otherwise sys.excepthook/print). Returns the process exit status.
int exc_handle_uncaught(Object *exc);

#endif
