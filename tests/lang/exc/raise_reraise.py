# raise with class or instance, bare re-raise, raising in a handler, exceptions across calls.
def thrower(kind):
    if kind == "class":
        raise ValueError
    raise ValueError("instance")
for k in ["class", "inst"]:
    try:
        thrower(k)
    except ValueError as e:
        print(repr(e))
# expect: ValueError()
# expect: ValueError('instance')
def rethrow():
    try:
        raise KeyError("orig")
    except KeyError:
        print("handling")
        raise
try:
    rethrow()
except KeyError as e:
    print("re-raised", e)
# expect: handling
# expect: re-raised 'orig'
def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1)
try:
    deep(10)
except RuntimeError as e:
    print("caught from depth:", e)  # expect: caught from depth: bottom
try:
    try:
        raise ValueError("first")
    except ValueError as e:
        raise TypeError("second") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__)  # expect: second None True
try:
    raise Exception("a", "b")
except Exception as e:
    print(e)  # expect: ('a', 'b')
try:
    raise 42
except TypeError as e:
    print(e)  # expect: exceptions must derive from BaseException
e = NotImplementedError("todo")
try:
    raise e
except RuntimeError as caught:
    print(caught is e, type(caught).__name__)  # expect: True NotImplementedError
