def foo(a,*b: int=,c):
   pass