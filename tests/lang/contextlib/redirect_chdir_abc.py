# redirect_stdout/redirect_stderr (to any object with write(): minipy has no
# io.StringIO yet), chdir, AbstractContextManager's subclass hook.
import sys, os
from contextlib import (redirect_stdout, redirect_stderr, chdir, AbstractContextManager,
                        AbstractAsyncContextManager, nullcontext, suppress, ExitStack)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

buf = Capture()
with redirect_stdout(buf) as target:
    print("captured", 1)
    print("line two")
print(target is buf, buf.parts)

err = Capture()
with redirect_stderr(err):
    print("to err", file=sys.stderr)
print(err.parts)

# Re-entering one redirect object nests.
outer, inner = Capture(), Capture()
r = redirect_stdout(outer)
with r:
    print("o1")
    with redirect_stdout(inner):
        print("i1")
    print("o2")
print(outer.parts, inner.parts)

before = os.getcwd()
with chdir("/"):
    print(os.getcwd())
print(os.getcwd() == before)

class Good:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass
class Bad:
    def __enter__(self):
        return self
class Blocked(Good):
    __exit__ = None
print(issubclass(Good, AbstractContextManager), issubclass(Bad, AbstractContextManager),
      issubclass(Blocked, AbstractContextManager), isinstance(nullcontext(), AbstractContextManager),
      isinstance(suppress(), AbstractContextManager), isinstance(ExitStack(), AbstractContextManager),
      issubclass(Good, AbstractAsyncContextManager))
class Mine2(AbstractContextManager):
    def __exit__(self, *a):
        print("exit", a)
with Mine2() as m:
    print(type(m).__name__)
# expect: True ['captured', ' ', '1', '\n', 'line two', '\n']
# expect: ['to err', '\n']
# expect: ['o1', '\n', 'o2', '\n'] ['i1', '\n']
# expect: /
# expect: True
# expect: True False False True True True False
# expect: Mine2
# expect: exit (None, None, None)
