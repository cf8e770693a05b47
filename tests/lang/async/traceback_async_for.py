# Tracebacks through async for / async with / an async generator, and the
# exception raised by throw() into a suspended coroutine.


class Tick:
    def __await__(self):
        yield


async def rows():
    yield 1
    await Tick()
    yield {}["missing"]


class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def report():
    async with Session():
        async for r in rows():
            print("row", r)


c = report()
c.send(None)
c.send(None)
# expect: row 1
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 32, in <module>
# expect stderr:     c.send(None)
# expect stderr:   File "{FILE}", line 26, in report
# expect stderr:     async for r in rows():
# expect stderr:   File "{FILE}", line 13, in rows
# expect stderr:     yield {}["missing"]
# expect stderr:           ~~^^^^^^^^^^^
# expect error: KeyError: 'missing'
