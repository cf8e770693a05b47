def foo(a,/,/,b,c):
   pass