# Coroutines still unawaited when the program ends are reported as they are
# freed with the module's namespace: no Python code runs then, so CPython
# gives the location "sys:1" (once) and no tracemalloc hint.


async def job(n):
    return n


pending = [job(1), job(2)]
also = job(3)
print("exiting")  # expect: exiting
# expect stderr: sys:1: RuntimeWarning: coroutine 'job' was never awaited
