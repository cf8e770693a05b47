# TypeError for two missing positional arguments.
def g(a, b):
    pass
g()
# expect error: TypeError: g() missing 2 required positional arguments: 'a' and 'b'
