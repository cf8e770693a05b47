# TypeError when calling None.
f = None
f()
# expect error: TypeError: 'NoneType' object is not callable
