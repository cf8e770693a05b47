def foo(a,*b,c,*d,*e,c):
   pass