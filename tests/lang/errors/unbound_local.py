# UnboundLocalError (CPython 3.11.7 wording) when a local is read before assignment.
x = 1
def f():
    print(x)
    x = 2
f()
# expect error: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
