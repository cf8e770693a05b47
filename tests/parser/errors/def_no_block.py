def f():
x