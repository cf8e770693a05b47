# TypeError for a missing positional argument.
def f(a, b):
    return a + b
f(1)
# expect error: TypeError: f() missing 1 required positional argument: 'b'
