# gi_running, gi_suspended, gi_frame, gi_code and gi_yieldfrom before, during and after running.
import sys


def report(label, g):
    frame = "None" if g.gi_frame is None else "frame at line %d" % g.gi_frame.f_lineno
    print("%-9s running=%s suspended=%s frame=%s code=%s yieldfrom=%s" % (
        label, g.gi_running, g.gi_suspended, frame, g.gi_code.co_name, g.gi_yieldfrom))


def worker():
    report("during", me)
    x = yield 1
    report("resumed", me)
    yield 2


me = worker()
report("created", me)
next(me)
report("paused", me)
next(me)
list(me)
report("finished", me)
# expect: created   running=False suspended=False frame=frame at line 11 code=worker yieldfrom=None
# expect: during    running=True suspended=False frame=frame at line 12 code=worker yieldfrom=None
# expect: paused    running=False suspended=True frame=frame at line 13 code=worker yieldfrom=None
# expect: resumed   running=True suspended=False frame=frame at line 14 code=worker yieldfrom=None
# expect: finished  running=False suspended=False frame=None code=worker yieldfrom=None

# gi_code is the function's code object and stays after the generator finished.
print(me.gi_code is worker.__code__, me.gi_code.co_name, me.gi_code.co_flags & 0x20 != 0)  # expect: True worker True


# gi_frame is the running frame: inside the body it is sys._getframe().
def inside():
    yield g.gi_frame is sys._getframe()
    yield sorted(g.gi_frame.f_locals)


g = inside()
print(next(g))  # expect: True
print(next(g))  # expect: []
fr = g.gi_frame
print(fr.f_code is inside.__code__, fr.f_back)  # a paused frame has no caller  # expect: True None


def with_locals(a):
    b = a * 2
    yield
    c = b + 1
    yield


g = with_locals(5)
print(sorted(g.gi_frame.f_locals.items()))  # expect: [('a', 5)]
next(g)
print(sorted(g.gi_frame.f_locals.items()))  # expect: [('a', 5), ('b', 10)]
next(g)
print(sorted(g.gi_frame.f_locals.items()))  # expect: [('a', 5), ('b', 10), ('c', 11)]
g.close()
print(g.gi_frame)  # expect: None

# Closing or failing also ends the frame.
g = with_locals(1)
g.close()
print(g.gi_frame, g.gi_suspended)  # expect: None False


def fail():
    yield
    1 / 0


g = fail()
next(g)
try:
    next(g)
except ZeroDivisionError:
    print(g.gi_frame, g.gi_running, g.gi_suspended)  # expect: None False False


# The generator's name and qualified name come from the function and can be changed.
def named():
    yield


g = named()
print(g.__name__, g.__qualname__)  # expect: named named
g.__name__ = "renamed"
g.__qualname__ = "Some.renamed"
print(g.__name__, g.__qualname__, repr(g).split(" ")[2])  # expect: renamed Some.renamed Some.renamed
try:
    g.__name__ = 42
except TypeError as e:
    print(e)  # expect: __name__ must be set to a string object
try:
    g.__qualname__ = None
except TypeError as e:
    print(e)  # expect: __qualname__ must be set to a string object
try:
    g.gi_running = True
except AttributeError:
    print("gi_running is read-only")  # expect: gi_running is read-only

# The repr names the generator by qualified name and address.
r = repr(named())
head, _, address = r.rpartition(" at ")
print(head, address.startswith("0x"), address.endswith(">"))  # expect: <generator object named True True
g2 = named()
print(str(g2) == repr(g2), repr(g2) == repr(named()))  # same object, then two different ones  # expect: True False

# The attributes a generator has (the ones people print).
for name in ["gi_running", "gi_suspended", "gi_frame", "gi_code", "gi_yieldfrom", "send", "throw", "close",
             "__next__", "__iter__", "__name__", "__qualname__"]:
    print(name, hasattr(g, name))
# expect: gi_running True
# expect: gi_suspended True
# expect: gi_frame True
# expect: gi_code True
# expect: gi_yieldfrom True
# expect: send True
# expect: throw True
# expect: close True
# expect: __next__ True
# expect: __iter__ True
# expect: __name__ True
# expect: __qualname__ True
