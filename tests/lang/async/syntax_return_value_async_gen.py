# An async generator cannot return a value (a bare return is fine).
# expect stderr:   File "{FILE}", line 9
# expect stderr:     return 42
# expect error: SyntaxError: 'return' with value in async generator
async def agen():
    yield 1
    if False:
        return
    return 42
