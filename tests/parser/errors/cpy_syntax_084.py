def foo(a,*a, b, **c, d=4):
   pass