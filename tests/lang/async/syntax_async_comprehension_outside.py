# An asynchronous list comprehension needs an async function (a generator
# expression would be allowed: it makes an async generator).
# expect stderr:   File "{FILE}", line 7
# expect stderr:     return [[x async for x in rows] for rows in table]
# expect error: SyntaxError: asynchronous comprehension outside of an asynchronous function
def f(table):
    return [[x async for x in rows] for rows in table]
