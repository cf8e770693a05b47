# A generator destroyed while paused is closed first, so its finally blocks run; with reference
# counting that happens exactly when the last reference goes away.
import sys


def resource(name):
    print("open", name)
    try:
        yield name
        yield name
    finally:
        print("close", name)


g = resource("a")
next(g)
# expect: open a
print("before del")  # expect: before del
del g  # expect: close a
print("after del")  # expect: after del

g = resource("b")
next(g)  # expect: open b
g = None  # expect: close b
print("after rebinding")  # expect: after rebinding


def use_locally():
    r = resource("c")
    next(r)
    print("leaving the function")


use_locally()
# expect: open c
# expect: leaving the function
# expect: close c
print("after the call")  # expect: after the call

# Breaking out of a for loop drops the loop's reference.
for name in resource("d"):
    print("got", name)
    break
# expect: open d
# expect: got d
# expect: close d
print("after the loop")  # expect: after the loop

# Containers: the generator goes when the container does.
gens = [resource("e")]
print([next(x) for x in gens])
# expect: open e
# expect: ['e']
gens.clear()  # expect: close e

# A generator that never started has nothing to clean up.
g = resource("never started")
del g
print("nothing printed")  # expect: nothing printed

# A finished generator is not closed again.
g = resource("h")
print(list(g))
# expect: open h
# expect: close h
# expect: ['h', 'h']
del g


# Only the generator's own frame is kept: abandoning a chain of yield from closes each level.
def level(n):
    try:
        if n:
            yield from level(n - 1)
        else:
            yield "bottom"
    finally:
        print("closing level", n)


g = level(2)
print(next(g))  # expect: bottom
del g
# expect: closing level 0
# expect: closing level 1
# expect: closing level 2


# A generator function's locals live in the generator: a suspended generator keeps them alive,
# and they are released when it is closed or destroyed.
payload = object()
base = sys.getrefcount(payload)


def holds(obj):
    local_copy = obj
    yield local_copy is obj


g = holds(payload)
print(sys.getrefcount(payload) - base)  # the argument  # expect: 1
next(g)
print(sys.getrefcount(payload) - base)  # the argument and the local  # expect: 2
g.close()
print(sys.getrefcount(payload) - base)  # expect: 0
g = holds(payload)
next(g)
del g
print(sys.getrefcount(payload) - base)  # expect: 0
many = [holds(payload) for _ in range(1000)]
for x in many:
    next(x)
del x
print(sys.getrefcount(payload) - base)  # expect: 2000
del many
print(sys.getrefcount(payload) - base)  # expect: 0


# Errors while closing a dying generator cannot be raised anywhere: they are printed as
# "Exception ignored in: <generator object ...>" and the program goes on.
class Capture:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s
        return len(s)

    def flush(self):
        pass


def stubborn():
    try:
        yield 1
    finally:
        yield "refuses to stop"


def failing_cleanup():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")


saved, sys.stderr = sys.stderr, Capture()
g = stubborn()
next(g)
del g
report1 = sys.stderr.text
sys.stderr.text = ""
g = failing_cleanup()
next(g)
del g
report2 = sys.stderr.text
sys.stderr = saved
for report in (report1, report2):
    lines = report.splitlines()
    print(lines[0].startswith("Exception ignored in: <generator object "), lines[0].endswith(" at 0x" + lines[0].split(" at 0x")[-1]))
    print(lines[1])
    print(lines[-1])
# expect: True True
# expect: Traceback (most recent call last):
# expect: RuntimeError: generator ignored GeneratorExit
# expect: True True
# expect: Traceback (most recent call last):
# expect: ValueError: cleanup failed
print(report1.split(" at 0x")[0], report2.split(" at 0x")[0])
# expect: Exception ignored in: <generator object stubborn Exception ignored in: <generator object failing_cleanup
print("still running")  # expect: still running
