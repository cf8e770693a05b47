# sys.set_asyncgen_hooks(firstiter, finalizer): an event loop's way to track
# async generators. firstiter is called at the first __anext__/asend/athrow/
# aclose; finalizer (recorded then) replaces the implicit close when such a
# generator is freed while suspended.
import sys

print(tuple(sys.get_asyncgen_hooks()))  # expect: (None, None)

seen = []
pending = []


def firstiter(agen):
    print("  firstiter", agen.__qualname__)
    seen.append(agen.__qualname__)


def finalizer(agen):
    print("  finalizer", agen.__qualname__)
    pending.append(agen)  # an event loop would schedule agen.aclose()


def drive(awaitable):
    try:
        while True:
            awaitable.send(None)
    except StopIteration as e:
        return e.value


async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("  numbers finally")


sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks[0] is firstiter, hooks[1] is finalizer)  # expect: True True

g = numbers()
print("created")  # expect: created
print(drive(g.__anext__()))
# expect:   firstiter numbers
# expect: 1
print(drive(g.__anext__()))  # expect: 2
del g  # suspended: the finalizer gets it (it is kept alive in `pending`)
# expect:   finalizer numbers
print(len(pending))  # expect: 1
drive(pending.pop().aclose())  # what the event loop would do
# expect:   numbers finally

# A generator that never started gets no hook calls at all.
g = numbers()
del g
print("nothing")  # expect: nothing

# The hooks in force at the first iteration are the ones used.
g = numbers()
drive(g.asend(None))  # expect:   firstiter numbers
sys.set_asyncgen_hooks(finalizer=None)
print(tuple(x is None for x in sys.get_asyncgen_hooks()))  # expect: (False, True)
del g  # expect:   finalizer numbers
pending.clear()  # finalized once already: dropped without running its finally

# Without hooks a suspended async generator is closed when freed.
sys.set_asyncgen_hooks(None, None)
g = numbers()
drive(g.__anext__())
del g  # expect:   numbers finally
print("after del")  # expect: after del

# A closed generator is not finalized again.
sys.set_asyncgen_hooks(firstiter, finalizer)
g = numbers()
drive(g.__anext__())  # expect:   firstiter numbers
drive(g.aclose())  # expect:   numbers finally
del g
print(pending)  # expect: []

# Errors.
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(e)
# expect: callable firstiter expected, got int
try:
    sys.set_asyncgen_hooks(finalizer="x")
except TypeError as e:
    print(e)
# expect: callable finalizer expected, got str


def bad_firstiter(agen):
    raise LookupError("hook failed")


sys.set_asyncgen_hooks(firstiter=bad_firstiter, finalizer=None)
g = numbers()
try:
    g.__anext__()
except LookupError as e:
    print("LookupError:", e)
# expect: LookupError: hook failed
print(drive(g.__anext__()))  # expect: 1
sys.set_asyncgen_hooks(None, None)
drive(g.aclose())  # expect:   numbers finally
