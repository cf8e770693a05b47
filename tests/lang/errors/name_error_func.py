# NameError raised inside a function for an undefined global.
def f():
    return undefined_helper()
f()
# expect error: NameError: name 'undefined_helper' is not defined
