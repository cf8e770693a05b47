# TypeError for an unexpected keyword argument.
def f(a, b=2):
    return a
f(1, z=3)
# expect error: TypeError: f() got an unexpected keyword argument 'z'
