def foo(a,**b: int=3):
   pass