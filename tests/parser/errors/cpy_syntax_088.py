def foo(*b,*d):
   pass