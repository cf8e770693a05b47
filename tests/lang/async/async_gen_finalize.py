# Without a finalizer hook, an async generator freed while suspended is closed
# as a generator is (GeneratorExit thrown in, synchronously). Errors from that
# are unraisable, reported on stderr like CPython's, including the quirk that
# a generator which catches GeneratorExit and returns reports
# StopAsyncIteration.


def first(agen):
    try:
        agen.__anext__().send(None)
    except StopIteration as e:
        return e.value


async def tidy():
    try:
        yield "tidy"
    finally:
        print("tidy: finally runs")


g = tidy()
print(first(g))  # expect: tidy
del g  # expect: tidy: finally runs


async def swallows():
    try:
        yield "swallows"
    except GeneratorExit:
        print("swallows: caught GeneratorExit")


g = swallows()
print(first(g))  # expect: swallows
del g
# expect: swallows: caught GeneratorExit
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 36, in <module>
# expect stderr:     del g
# expect stderr: StopAsyncIteration: 


async def yields_again():
    try:
        yield "first"
    finally:
        yield "from finally"


g = yields_again()
print(first(g))  # expect: first
del g
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 53, in <module>
# expect stderr:     del g
# expect stderr: RuntimeError: async generator ignored GeneratorExit


# An await in a finally block cannot complete when freed: the await's
# suspension counts as ignoring GeneratorExit too.
class Tick:
    def __await__(self):
        yield "tick"


async def awaits_in_finally():
    try:
        yield "x"
    finally:
        print("awaits_in_finally: cleanup starts")
        await Tick()
        print("never printed")


g = awaits_in_finally()
first(g)
del g
print("end")
# expect: awaits_in_finally: cleanup starts
# expect: end
# expect stderr: RuntimeError: async generator ignored GeneratorExit
