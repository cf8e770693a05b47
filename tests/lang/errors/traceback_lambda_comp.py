# Traceback frames named <lambda> and <listcomp>.
f = lambda: 1 / 0
g = [f() for _ in range(1)]
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "{FILE}", line 3, in <module>
# expect stderr:   File "{FILE}", line 3, in <listcomp>
# expect stderr:     g = [f() for _ in range(1)]
# expect stderr:   File "{FILE}", line 2, in <lambda>
# expect stderr:     f = lambda: 1 / 0
# expect error: ZeroDivisionError: division by zero
