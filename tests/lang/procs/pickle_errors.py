# What pickle refuses, with CPython's exceptions and messages.
import pickle
import threading


def gen():
    yield 1


def outer():
    def inner():
        pass
    return inner


square = lambda x: x * x


for obj in [gen(), threading.Lock(), threading.RLock()]:
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
# expect: TypeError: cannot pickle 'generator' object
# expect: TypeError: cannot pickle '_thread.lock' object
# expect: TypeError: cannot pickle '_thread.RLock' object

try:
    pickle.dumps(square)
except pickle.PicklingError as e:
    print("PicklingError:", str(e).split(" at ")[0], "...", str(e).split(">: ")[1])
# expect: PicklingError: Can't pickle <function <lambda> ... attribute lookup <lambda> on __main__ failed

try:
    pickle.dumps(outer())
except AttributeError as e:
    print("AttributeError:", e)
# expect: AttributeError: Can't pickle local object 'outer.<locals>.inner'

try:
    pickle.dumps([1, gen()])
except TypeError as e:
    print("nested:", e)
# expect: nested: cannot pickle 'generator' object

print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
# expect: True True True

for data in [b"", pickle.dumps([1, 2, 3])[:-4]]:
    try:
        pickle.loads(data)
    except (EOFError, pickle.UnpicklingError) as e:
        print(type(e).__name__ + ":", e)
# expect: EOFError: Ran out of input
# expect: UnpicklingError: pickle data was truncated

try:
    pickle.loads(b"\x80\x09N.")
except ValueError as e:
    print(e)
# expect: unsupported pickle protocol: 9

try:
    pickle.loads("not bytes")
except TypeError as e:
    print(e)
# expect: a bytes-like object is required, not 'str'

try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    print(e)
# expect: pickle protocol must be <= 5
