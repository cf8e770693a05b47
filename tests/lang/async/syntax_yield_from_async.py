# `yield from` is not allowed in an async function.
# expect stderr:   File "{FILE}", line 6
# expect stderr:     yield from range(3)
# expect error: SyntaxError: 'yield from' inside async function
async def f():
    yield from range(3)
