# TypeError for too many positional arguments.
def f(a, b):
    return a
f(1, 2, 3)
# expect error: TypeError: f() takes 2 positional arguments but 3 were given
