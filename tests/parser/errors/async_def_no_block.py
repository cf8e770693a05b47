async def f():
z