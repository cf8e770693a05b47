# A traceback through two functions, checked line by line (position markers are not checked).
def inner(x):
    return 10 / x


def outer(y):
    return inner(y - 1) + 1


print("start")
outer(1)
# expect: start
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 11, in <module>
# expect stderr:     outer(1)
# expect stderr:   File "{FILE}", line 7, in outer
# expect stderr:     return inner(y - 1) + 1
# expect stderr:   File "{FILE}", line 3, in inner
# expect stderr:     return 10 / x
# expect error: ZeroDivisionError: division by zero
