# `async with` needs an async function.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     async with lock:
# expect error: SyntaxError: 'async with' outside async function
def f(lock):
    async with lock:
        pass
