# A coroutine freed before it ever ran prints CPython's RuntimeWarning to
# stderr. As in CPython the location is the Python code running when it is
# freed (not where it was made), and each message is shown once per line.
import sys


async def fetch():
    return 1


fetch()  # freed at once: warns here
print("one")  # expect: one
for i in range(3):
    fetch()  # three times, one warning (the registry of module __main__)
print("loop")  # expect: loop


def helper():
    c = fetch()  # freed when helper returns: reported at the caller's line
    return "helper"


result = helper()


class Api:
    async def call(self):
        pass


Api().call()
c = fetch()
c.close()  # closed before it started: no warning
c = fetch()
del c  # a coroutine that was created but is freed later warns at the del
print(sorted(k[2] for k in __warningregistry__ if k != "version"))  # expect: [11, 14, 23, 31, 35]
sys.stderr.flush()
# expect stderr: {FILE}:11: RuntimeWarning: coroutine 'fetch' was never awaited
# expect stderr:   fetch()  # freed at once: warns here
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback
# expect stderr: {FILE}:14: RuntimeWarning: coroutine 'fetch' was never awaited
# expect stderr:   fetch()  # three times, one warning (the registry of module __main__)
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback
# expect stderr: {FILE}:23: RuntimeWarning: coroutine 'fetch' was never awaited
# expect stderr:   result = helper()
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback
# expect stderr: {FILE}:31: RuntimeWarning: coroutine 'Api.call' was never awaited
# expect stderr:   Api().call()
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback
# expect stderr: {FILE}:35: RuntimeWarning: coroutine 'fetch' was never awaited
# expect stderr:   del c  # a coroutine that was created but is freed later warns at the del
# expect stderr: RuntimeWarning: Enable tracemalloc to get the object allocation traceback
