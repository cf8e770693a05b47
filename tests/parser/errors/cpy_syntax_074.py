def foo(a,/,a1,/,b,c):
   pass