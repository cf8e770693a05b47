# The operator anchor skips the closing parenthesis of the left operand and
# covers two-character operators. sys.excepthook prints each traceback.
import sys


def check(n):
    x = 1
    if n == 0:
        return (x) + 'a'
    if n == 1:
        return x //0
    if n == 2:
        return ((x  )) ** None
    if n == 3:
        return x << 'b'
    return x + 1 + 'c'


for n in range(5):
    try:
        check(n)
    except Exception:
        sys.excepthook(*sys.exc_info())
print("done")

# expect: done
# expect exit: 0
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 21, in <module>
# expect stderr:     check(n)
# expect stderr:   File "{FILE}", line 9, in check
# expect stderr:     return (x) + 'a'
# expect stderr:            ~~~~^~~~~
# expect stderr: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 21, in <module>
# expect stderr:     check(n)
# expect stderr:   File "{FILE}", line 11, in check
# expect stderr:     return x //0
# expect stderr:            ~~^^~
# expect stderr: ZeroDivisionError: integer division or modulo by zero
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 21, in <module>
# expect stderr:     check(n)
# expect stderr:   File "{FILE}", line 13, in check
# expect stderr:     return ((x  )) ** None
# expect stderr:            ~~~~~~~~^^~~~~~
# expect stderr: TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'NoneType'
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 21, in <module>
# expect stderr:     check(n)
# expect stderr:   File "{FILE}", line 15, in check
# expect stderr:     return x << 'b'
# expect stderr:            ~~^^~~~~
# expect stderr: TypeError: unsupported operand type(s) for <<: 'int' and 'str'
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 21, in <module>
# expect stderr:     check(n)
# expect stderr:   File "{FILE}", line 16, in check
# expect stderr:     return x + 1 + 'c'
# expect stderr:            ~~~~~~^~~~~
# expect stderr: TypeError: unsupported operand type(s) for +: 'int' and 'str'
