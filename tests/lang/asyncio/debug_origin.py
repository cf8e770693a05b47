# In asyncio's debug mode the loop tracks coroutine origins while it runs
# (sys.get_coroutine_origin_tracking_depth() is asyncio's DEBUG_STACK_DEPTH,
# 10), and restores the previous depth when it stops.
import asyncio
import sys


async def noop():
    pass


async def main():
    print(sys.get_coroutine_origin_tracking_depth())
    c = noop()
    print(c.cr_origin and (c.cr_origin[0][2], len(c.cr_origin) <= 10))
    c.close()
    asyncio.get_running_loop().set_debug(False)
    await asyncio.sleep(0)
    print(sys.get_coroutine_origin_tracking_depth())


print(sys.get_coroutine_origin_tracking_depth())  # expect: 0
asyncio.run(main(), debug=True)
# expect: 10
# expect: ('main', True)
# expect: 0
asyncio.run(main())
# expect: 0
# expect: None
# expect: 0
print(sys.get_coroutine_origin_tracking_depth())  # expect: 0
