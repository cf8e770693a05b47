# sys._getframe() and generator frames: code, line, locals, f_back, gi_frame.
import sys


def f():
    x = 1
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals), fr.f_back.f_code.co_name)  # expect: f 8 ['fr', 'x'] <module>
    return fr


fr = f()
print(fr.f_lineno, fr.f_locals["x"], fr.f_back.f_code.co_name)  # expect: 9 1 <module>
print(sys._getframe(0).f_code.co_name)  # expect: <module>


def outer():
    return inner()


def inner():
    return sys._getframe(1).f_code.co_name


print(inner(), outer())  # expect: <module> outer


def g():
    yield 1
    yield 2


gen = g()
print(gen.gi_frame.f_lineno, gen.gi_frame.f_code is g.__code__)  # expect: 28 True
next(gen)
print(gen.gi_frame.f_lineno, gen.gi_frame.f_back)  # expect: 29 None
list(gen)
print(gen.gi_frame)  # expect: None
try:
    sys._getframe(100)
except ValueError as e:
    print(e)  # expect: call stack is not deep enough
