# contextvars (PEP 567): ContextVar get/set/reset with Tokens, Context as a
# read-only mapping, copy_context() snapshots, Context.run, and the errors.
import contextvars
from contextvars import Context, ContextVar, Token, copy_context

request = ContextVar("request", default="none")
user = ContextVar("user")

print(request.name, request.get(), user.get("anon"))  # expect: request none anon
try:
    user.get()
except LookupError as e:
    print("LookupError", e.args[0] is user)  # expect: LookupError True

t = request.set("r1")
print(type(t).__name__, t.var is request, t.old_value is Token.MISSING)  # expect: Token True True
print(Token.MISSING)  # expect: <Token.MISSING>
t2 = request.set("r2")
print(t2.old_value, request.get())  # expect: r1 r2

snap = copy_context()
request.set("r3")
print(snap[request], request.get(), len(snap), request in snap, user in snap)  # expect: r2 r3 1 True False
print(snap.get(user), snap.get(user, "dflt"), list(snap.keys()) == [request])  # expect: None dflt True
print(list(snap.values()), [(k.name, v) for k, v in snap.items()], [k.name for k in snap])  # expect: ['r2'] [('request', 'r2')] ['request']

request.reset(t2)
print(request.get())  # expect: r1
request.reset(t)
print(request.get(), request in copy_context())  # expect: none False
try:
    request.reset(t)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("<Token used var=<ContextVar name='request' default='none' at "))
# expect: RuntimeError True
try:
    user.reset(request.set("x"))
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))  # expect: ValueError True


# Context.run: changes made inside stay in that context.
def work(tag):
    request.set(tag)
    user.set("alice")
    return request.get(), user.get()


ctx = copy_context()
print(ctx.run(work, "in-ctx"))  # expect: ('in-ctx', 'alice')
print(request.get(), user.get("nobody"))  # expect: x nobody
print(ctx[request], ctx[user])  # expect: in-ctx alice
print(ctx.run(request.get), Context().run(request.get))  # expect: in-ctx none

# A token belongs to the context it was made in.
tok = ctx.run(request.set, "again")
try:
    request.reset(tok)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))  # expect: ValueError True

# One entry at a time.
try:
    ctx.run(ctx.run, request.get)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context:"), str(e).endswith("is already entered"))
# expect: RuntimeError True True

# Equality compares the mappings.
a = copy_context()
print(a == a.copy(), a is a.copy(), a == Context(), Context() == Context())  # expect: True False False True

# Errors.
for bad in (lambda: ctx[1], lambda: 1 in ctx, lambda: ctx.get("x")):
    try:
        bad()
    except TypeError as e:
        print(e)
# expect: a ContextVar key was expected, got 1
# expect: a ContextVar key was expected, got 1
# expect: a ContextVar key was expected, got 'x'
for bad in (lambda: ContextVar(1), lambda: Context(1), lambda: request.reset(1),
            lambda: ContextVar("a", 1), lambda: Token()):
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
# expect: TypeError context variable name must be a str
# expect: TypeError Context() does not accept any arguments
# expect: TypeError expected an instance of Token, got 1
# expect: TypeError ContextVar() takes at most 1 positional argument (2 given)
# expect: RuntimeError Tokens can only be created by ContextVars
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print(e)  # expect: type '_contextvars.ContextVar' is not an acceptable base type
print(ContextVar.__module__, type(ctx).__name__, contextvars.__all__)
# expect: _contextvars Context ('Context', 'ContextVar', 'Token', 'copy_context')
print(repr(ContextVar("v")).startswith("<ContextVar name='v' at 0x"))  # expect: True
print(repr(ContextVar("v", default=[1])).startswith("<ContextVar name='v' default=[1] at 0x"))  # expect: True
