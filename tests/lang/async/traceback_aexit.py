# __aexit__ failing while a `return` leaves the async with: the traceback
# shows the async with line (the exit call is the with's), as CPython does.


class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise ConnectionError("close failed")


async def fetch():
    async with Session():
        return "data"


fetch().send(None)
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 18, in <module>
# expect stderr:     fetch().send(None)
# expect stderr:   File "{FILE}", line 14, in fetch
# expect stderr:     async with Session():
# expect stderr:   File "{FILE}", line 10, in __aexit__
# expect stderr:     raise ConnectionError("close failed")
# expect error: ConnectionError: close failed
