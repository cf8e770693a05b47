# `async for` needs an async function (a nested plain def does not count).
# expect stderr:   File "{FILE}", line 7
# expect stderr:     async for x in source:
# expect error: SyntaxError: 'async for' outside async function
async def outer(source):
    def inner():
        async for x in source:
            pass
