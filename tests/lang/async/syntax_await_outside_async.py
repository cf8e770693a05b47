# `await` in a plain function (here a lambda inside an async def) is a SyntaxError.
# expect stderr:   File "{FILE}", line 7
# expect stderr:     return lambda: await other()
# expect error: SyntaxError: 'await' outside async function
print("never runs")
async def outer():
    return lambda: await other()
