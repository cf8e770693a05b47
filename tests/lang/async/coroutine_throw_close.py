# throw() and close() reach the innermost awaitable through every await, as
# with `yield from`; finally blocks run on close.


class Wait:
    def __await__(self):
        try:
            yield "waiting"
        except GeneratorExit:
            print("  Wait closed")
            raise
        except Exception as e:
            print("  Wait got", repr(e))
            raise


async def inner():
    try:
        return await Wait()
    finally:
        print("  inner finally")


async def outer():
    try:
        return await inner()
    except KeyError as e:
        print("  outer caught", repr(e))
        return "recovered"


c = outer()
print(c.send(None))  # expect: waiting
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("result:", e.value)
# expect:   Wait got KeyError('k')
# expect:   inner finally
# expect:   outer caught KeyError('k')
# expect: result: recovered

c = outer()
c.send(None)
c.close()
# expect:   Wait closed
# expect:   inner finally
print(c.cr_frame, c.cr_await)  # expect: None None

# The forms of throw(): a class, a class with a value, an instance.
for args in [(ValueError,), (ValueError, "v"), (ValueError("inst"),)]:
    c = outer()
    c.send(None)
    try:
        c.throw(*args)
    except ValueError as e:
        print("propagated", repr(e))
# expect:   Wait got ValueError()
# expect:   inner finally
# expect: propagated ValueError()
# expect:   Wait got ValueError('v')
# expect:   inner finally
# expect: propagated ValueError('v')
# expect:   Wait got ValueError('inst')
# expect:   inner finally
# expect: propagated ValueError('inst')


# A coroutine that keeps running after GeneratorExit (once).
async def stubborn():
    for attempt in range(2):
        try:
            await Wait()
        except GeneratorExit:
            print("  ignoring GeneratorExit")


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
# expect:   Wait closed
# expect:   ignoring GeneratorExit
# expect: RuntimeError: coroutine ignored GeneratorExit
try:
    c.send(None)
except StopIteration:
    print("finished after all")
# expect: finished after all


# throw() into a coroutine that has not started raises at its first line.
async def never_started():
    print("not printed")


c = never_started()
try:
    c.throw(OSError("early"))
except OSError as e:
    print("OSError:", e)
# expect: OSError: early
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
# expect: RuntimeError: cannot reuse already awaited coroutine

# close() before starting: nothing runs, no warning.
c = never_started()
c.close()
print(c.cr_frame)  # expect: None

# "already executing": a coroutine resuming itself.
async def reenter():
    me.send(None)


me = reenter()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: coroutine already executing

# Bad throw() arguments.
c = outer()
c.send(None)
try:
    c.throw(42)
except TypeError as e:
    print(e)
# expect:   Wait closed
# expect:   inner finally
# expect: exceptions must be classes or instances deriving from BaseException, not int
try:
    c.throw()
except TypeError as e:
    print(e)
# expect: throw expected at least 1 argument, got 0
