# NameError suggests a close builtin, global or local name (CPython 3.11).
def greet(name):
    message = "hello " + name
    return mesage


try:
    greet("x")
except NameError as e:
    print(e)
pritn("hello")

# expect: name 'mesage' is not defined
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     pritn("hello")
# expect stderr:     ^^^^^
# expect error: NameError: name 'pritn' is not defined. Did you mean: 'print'?
