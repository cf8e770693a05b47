# An uncaught exception raised three awaits deep: the traceback shows the
# driver's send() and then one entry per coroutine, innermost last.


class Tick:
    def __await__(self):
        yield


async def parse(text):
    await Tick()
    return int(text)


async def load(text):
    value = await parse(text)
    return value * 2


async def main():
    print(await load("21"))
    print(await load("forty-two"))


coro = main()
while True:
    coro.send(None)
# expect: 42
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 27, in <module>
# expect stderr:     coro.send(None)
# expect stderr:   File "{FILE}", line 22, in main
# expect stderr:     print(await load("forty-two"))
# expect stderr:           ^^^^^^^^^^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 16, in load
# expect stderr:     value = await parse(text)
# expect stderr:             ^^^^^^^^^^^^^^^^^
# expect stderr:   File "{FILE}", line 12, in parse
# expect stderr:     return int(text)
# expect stderr:            ^^^^^^^^^
# expect error: ValueError: invalid literal for int() with base 10: 'forty-two'
